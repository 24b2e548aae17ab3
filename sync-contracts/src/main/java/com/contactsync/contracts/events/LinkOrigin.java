package com.contactsync.contracts.events;

/**
 * Who made the Outlook contact a link points to: the system, from BC ({@code BC}), or a person typing into
 * Outlook ({@code OUTLOOK}). Written to the mailbox beside the {@code BcContactNo} tag (as {@code BcLinkOrigin}) so
 * links, origin included, can be rebuilt from the mailbox alone.
 */
public enum LinkOrigin {
    BC,
    OUTLOOK
}

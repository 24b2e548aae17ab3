package com.contactsync.contracts.events;

/**
 * A contact as read from an Outlook folder.
 *
 * @param bcContactNo the {@code BcContactNo} tag, null for contacts a person typed into Outlook
 */
public record OutlookItem(String id, String changeKey, String bcContactNo, OutlookContact contact) {
}

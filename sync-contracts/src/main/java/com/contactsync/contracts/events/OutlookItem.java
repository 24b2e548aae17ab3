package com.contactsync.contracts.events;

/**
 * A contact as read from an Outlook folder.
 *
 * @param bcContactNo the {@code BcContactNo} tag, null for contacts a person typed into Outlook
 * @param linkOrigin the {@code BcLinkOrigin} tag: {@code OUTLOOK} on contacts a person typed that the system
 *                   adopted; null otherwise (a tagged contact without it was created by the system)
 */
public record OutlookItem(String id, String changeKey, String bcContactNo, OutlookContact contact,
                          LinkOrigin linkOrigin) {

    public OutlookItem(String id, String changeKey, String bcContactNo, OutlookContact contact) {
        this(id, changeKey, bcContactNo, contact, null);
    }
}

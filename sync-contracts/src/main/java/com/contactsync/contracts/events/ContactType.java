package com.contactsync.contracts.events;

/** Business Central's contact type. */
public enum ContactType {
    PERSON,
    COMPANY
}

package com.contactsync.contracts.events;

/** {@code contactsync.contact.delete-requested.v1}: any producer asks contact-service to delete a contact. */
public record ContactDeleteRequested(String no, Long expectedVersion) {
}

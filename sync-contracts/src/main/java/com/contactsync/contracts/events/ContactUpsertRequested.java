package com.contactsync.contracts.events;

/**
 * {@code contactsync.contact.upsert-requested.v1}: any producer asks contact-service to create or replace a contact.
 *
 * @param externalId the producer's own id for the contact, used when {@code contact.no} is absent so that a
 *                   repeated request updates the contact it created rather than creating another
 * @param expectedVersion optional optimistic-concurrency check against the stored version
 */
public record ContactUpsertRequested(ContactFields contact, String externalId, Long expectedVersion) {
}

package com.contactsync.contracts.events;

import java.time.Instant;

/**
 * A Business Central contact as it is stored: the full set of fields. It is the {@code data} of
 * {@code contactsync.contact.upserted.v1} and the body contact-service's REST API returns.
 */
public record ContactSnapshot(
        String no,
        ContactType type,
        String name,
        String firstName,
        String middleName,
        String surname,
        String initials,
        String companyNo,
        String companyName,
        String jobTitle,
        String email,
        String email2,
        String phoneNo,
        String mobilePhoneNo,
        String faxNo,
        String address,
        String address2,
        String city,
        String postCode,
        String county,
        String countryRegionCode,
        String homePage,
        String salespersonCode,
        String territoryCode,
        boolean privacyBlocked,
        Instant lastModifiedAt,
        long version) {
}

package com.contactsync.contracts.events;

import java.util.List;

/**
 * The Outlook side of a contact: the Graph contact properties the field mapping (SYNC-SPEC) covers.
 * Properties outside the mapping are never sent, so Graph leaves them as they are (S2).
 */
public record OutlookContact(
        String displayName,
        String givenName,
        String middleName,
        String surname,
        String initials,
        List<EmailAddress> emailAddresses,
        String companyName,
        String jobTitle,
        List<String> businessPhones,
        String mobilePhone,
        PhysicalAddress businessAddress,
        String businessHomePage) {

    public record EmailAddress(String name, String address) {
    }

    public record PhysicalAddress(String street, String city, String state, String postalCode, String countryOrRegion) {
    }
}

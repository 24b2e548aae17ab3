package com.contactsync.contracts.events;

/** The writable fields of a contact, as a producer asks for them ({@code no} absent lets the service assign one). */
public record ContactFields(
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
        Boolean privacyBlocked) {
}

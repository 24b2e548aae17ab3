package com.contactsync.gateway.graph;

import com.contactsync.contracts.events.OutlookContact;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.PhysicalAddress;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import java.util.List;

/** An {@link OutlookContact} (already mapped from BC by the orchestrator) as the Graph SDK's contact, tagged. */
public final class ContactMapping {

    private ContactMapping() {
    }

    public static Contact toGraph(String contactNo, OutlookContact source) {
        Contact contact = new Contact();
        contact.setDisplayName(source.displayName());
        contact.setGivenName(source.givenName());
        contact.setMiddleName(source.middleName());
        contact.setSurname(source.surname());
        contact.setInitials(source.initials());
        contact.setEmailAddresses(source.emailAddresses() == null ? List.of()
                : source.emailAddresses().stream().map(ContactMapping::emailAddress).toList());
        contact.setCompanyName(source.companyName());
        contact.setJobTitle(source.jobTitle());
        contact.setBusinessPhones(source.businessPhones() == null ? List.of() : List.copyOf(source.businessPhones()));
        contact.setMobilePhone(source.mobilePhone());
        if (source.businessAddress() != null) {
            contact.setBusinessAddress(physicalAddress(source.businessAddress()));
        }
        contact.setBusinessHomePage(source.businessHomePage());
        contact.setCategories(List.of(OutlookTag.CATEGORY));
        SingleValueLegacyExtendedProperty tag = new SingleValueLegacyExtendedProperty();
        tag.setId(OutlookTag.BC_CONTACT_NO);
        tag.setValue(contactNo);
        contact.setSingleValueExtendedProperties(List.of(tag));
        return contact;
    }

    private static EmailAddress emailAddress(OutlookContact.EmailAddress source) {
        EmailAddress address = new EmailAddress();
        address.setName(source.name());
        address.setAddress(source.address());
        return address;
    }

    private static PhysicalAddress physicalAddress(OutlookContact.PhysicalAddress source) {
        PhysicalAddress address = new PhysicalAddress();
        address.setStreet(source.street());
        address.setCity(source.city());
        address.setState(source.state());
        address.setPostalCode(source.postalCode());
        address.setCountryOrRegion(source.countryOrRegion());
        return address;
    }
}

package com.contactsync.gateway.graph;

import com.contactsync.contracts.events.LinkOrigin;
import com.contactsync.contracts.events.OutlookContact;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.PhysicalAddress;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link OutlookContact} (already mapped from BC by the orchestrator) to and from the Graph SDK's contact, with the
 * tags. Only the mapped properties are ever sent, so Graph leaves the others as they are (S2).
 */
public final class ContactMapping {

    private ContactMapping() {
    }

    /** A new contact: the mapped fields that have a value, the category and the tags. */
    public static Contact toGraph(String contactNo, OutlookContact source) {
        return forCreate(contactNo, source, null);
    }

    /** @param linkOrigin written as the {@code BcLinkOrigin} tag when not null */
    public static Contact forCreate(String contactNo, OutlookContact source, LinkOrigin linkOrigin) {
        Contact contact = mapped(source, null);
        contact.setCategories(List.of(OutlookTag.CATEGORY));
        contact.setSingleValueExtendedProperties(tags(contactNo, linkOrigin));
        return contact;
    }

    /**
     * A PATCH of an existing contact: every mapped field, an empty one as {@code ""} so that it is cleared (the SDK
     * leaves nulls out of what it sends), and the tags. Categories are not sent: the user may have added their own,
     * and the {@code Business Central} category was set when the system created the contact.
     */
    public static Contact forUpdate(String contactNo, OutlookContact source, LinkOrigin linkOrigin) {
        Contact contact = mapped(source, "");
        contact.setSingleValueExtendedProperties(tags(contactNo, linkOrigin));
        return contact;
    }

    /**
     * The PATCH that adopts a contact a person typed (S8): as {@link #forUpdate}, and the {@code Business Central}
     * category added to the person's own ones (a PATCH replaces the whole list); nothing about categories when it
     * has it already.
     */
    public static Contact forAdoption(String contactNo, OutlookContact source, LinkOrigin linkOrigin, List<String> categories) {
        Contact contact = forUpdate(contactNo, source, linkOrigin);
        List<String> current = categories == null ? List.of() : categories;
        if (!current.contains(OutlookTag.CATEGORY)) {
            List<String> withOurs = new ArrayList<>(current);
            withOurs.add(OutlookTag.CATEGORY);
            contact.setCategories(withOurs);
        }
        return contact;
    }

    /** What Graph holds of the mapped fields, as the orchestrator reads them. */
    public static OutlookContact fromGraph(Contact contact) {
        PhysicalAddress address = contact.getBusinessAddress();
        OutlookContact.PhysicalAddress businessAddress = address == null || isEmpty(address) ? null
                : new OutlookContact.PhysicalAddress(address.getStreet(), address.getCity(), address.getState(), address.getPostalCode(),
                        address.getCountryOrRegion());
        List<OutlookContact.EmailAddress> emails = contact.getEmailAddresses() == null ? List.of()
                : contact.getEmailAddresses().stream().map(e -> new OutlookContact.EmailAddress(e.getName(), e.getAddress())).toList();
        return new OutlookContact(contact.getDisplayName(), contact.getGivenName(), contact.getMiddleName(), contact.getSurname(),
                contact.getInitials(), emails, contact.getCompanyName(), contact.getJobTitle(),
                contact.getBusinessPhones() == null ? List.of() : List.copyOf(contact.getBusinessPhones()), contact.getMobilePhone(),
                businessAddress, contact.getBusinessHomePage());
    }

    /**
     * The tags read from a contact whose {@code singleValueExtendedProperties} were expanded with
     * {@link OutlookTag#EXPAND_TAGS}.
     *
     * @param bcContactNo null on a contact a person typed
     * @param linkOrigin null unless the tag holds a known origin
     */
    public record Tags(String bcContactNo, LinkOrigin linkOrigin) {

        public static Tags of(Contact contact) {
            String contactNo = null;
            LinkOrigin origin = null;
            if (contact.getSingleValueExtendedProperties() != null) {
                for (SingleValueLegacyExtendedProperty property : contact.getSingleValueExtendedProperties()) {
                    // Graph may spell the GUID of a property id in another case than it was written
                    if (OutlookTag.BC_CONTACT_NO.equalsIgnoreCase(property.getId())) {
                        contactNo = property.getValue();
                    } else if (OutlookTag.BC_LINK_ORIGIN.equalsIgnoreCase(property.getId())) {
                        origin = origin(property.getValue());
                    }
                }
            }
            return new Tags(contactNo, origin);
        }

        private static LinkOrigin origin(String value) {
            for (LinkOrigin origin : LinkOrigin.values()) {
                if (origin.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                    return origin;
                }
            }
            return null;
        }
    }

    /** @param empty what an absent string becomes: null (left out) or "" (cleared) */
    private static Contact mapped(OutlookContact source, String empty) {
        Contact contact = new Contact();
        contact.setDisplayName(or(source.displayName(), empty));
        contact.setGivenName(or(source.givenName(), empty));
        contact.setMiddleName(or(source.middleName(), empty));
        contact.setSurname(or(source.surname(), empty));
        contact.setInitials(or(source.initials(), empty));
        contact.setEmailAddresses(source.emailAddresses() == null ? List.of()
                : source.emailAddresses().stream().map(ContactMapping::emailAddress).toList());
        contact.setCompanyName(or(source.companyName(), empty));
        contact.setJobTitle(or(source.jobTitle(), empty));
        contact.setBusinessPhones(source.businessPhones() == null ? List.of() : List.copyOf(source.businessPhones()));
        contact.setMobilePhone(or(source.mobilePhone(), empty));
        if (source.businessAddress() != null) {
            contact.setBusinessAddress(physicalAddress(source.businessAddress(), empty));
        } else if (empty != null) {
            contact.setBusinessAddress(physicalAddress(new OutlookContact.PhysicalAddress(null, null, null, null, null), empty));
        }
        contact.setBusinessHomePage(or(source.businessHomePage(), empty));
        return contact;
    }

    private static List<SingleValueLegacyExtendedProperty> tags(String contactNo, LinkOrigin linkOrigin) {
        List<SingleValueLegacyExtendedProperty> tags = new ArrayList<>();
        tags.add(tag(OutlookTag.BC_CONTACT_NO, contactNo));
        if (linkOrigin != null) {
            tags.add(tag(OutlookTag.BC_LINK_ORIGIN, linkOrigin.name()));
        }
        return tags;
    }

    private static SingleValueLegacyExtendedProperty tag(String id, String value) {
        SingleValueLegacyExtendedProperty tag = new SingleValueLegacyExtendedProperty();
        tag.setId(id);
        tag.setValue(value);
        return tag;
    }

    private static EmailAddress emailAddress(OutlookContact.EmailAddress source) {
        EmailAddress address = new EmailAddress();
        address.setName(source.name());
        address.setAddress(source.address());
        return address;
    }

    private static PhysicalAddress physicalAddress(OutlookContact.PhysicalAddress source, String empty) {
        PhysicalAddress address = new PhysicalAddress();
        address.setStreet(or(source.street(), empty));
        address.setCity(or(source.city(), empty));
        address.setState(or(source.state(), empty));
        address.setPostalCode(or(source.postalCode(), empty));
        address.setCountryOrRegion(or(source.countryOrRegion(), empty));
        return address;
    }

    private static boolean isEmpty(PhysicalAddress address) {
        return blank(address.getStreet()) && blank(address.getCity()) && blank(address.getState()) && blank(address.getPostalCode())
                && blank(address.getCountryOrRegion());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String or(String value, String empty) {
        return value == null ? empty : value;
    }
}

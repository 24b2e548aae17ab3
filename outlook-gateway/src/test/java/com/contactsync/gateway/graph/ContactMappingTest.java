package com.contactsync.gateway.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactsync.contracts.events.LinkOrigin;
import com.contactsync.contracts.events.OutlookContact;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapped fields and tags both ways, as the SDK's contact model carries them. */
class ContactMappingTest {

    @Test
    void everyMappedFieldIsCopiedAndTheContactIsTaggedWithItsBcNumber() {
        OutlookContact source = new OutlookContact("Ada Lovelace", "Ada", "King", "Lovelace", "AKL",
                List.of(new OutlookContact.EmailAddress("Ada", "ada@example.com"), new OutlookContact.EmailAddress("Ada", "ada@home.example")),
                "Analytical Engines", "Programmer", List.of("+44 20 1234"), "+44 7700 900",
                new OutlookContact.PhysicalAddress("12 Square\nFloor 1", "London", "Greater London", "SW1Y", "GB"), "https://engines.example");

        Contact contact = ContactMapping.toGraph("CT000001", source);

        assertThat(contact.getDisplayName()).isEqualTo("Ada Lovelace");
        assertThat(contact.getGivenName()).isEqualTo("Ada");
        assertThat(contact.getMiddleName()).isEqualTo("King");
        assertThat(contact.getSurname()).isEqualTo("Lovelace");
        assertThat(contact.getInitials()).isEqualTo("AKL");
        assertThat(contact.getEmailAddresses()).extracting(EmailAddress::getName, EmailAddress::getAddress)
                .containsExactly(tuple("Ada", "ada@example.com"), tuple("Ada", "ada@home.example"));
        assertThat(contact.getCompanyName()).isEqualTo("Analytical Engines");
        assertThat(contact.getJobTitle()).isEqualTo("Programmer");
        assertThat(contact.getBusinessPhones()).containsExactly("+44 20 1234");
        assertThat(contact.getMobilePhone()).isEqualTo("+44 7700 900");
        assertThat(contact.getBusinessAddress().getStreet()).isEqualTo("12 Square\nFloor 1");
        assertThat(contact.getBusinessAddress().getCity()).isEqualTo("London");
        assertThat(contact.getBusinessAddress().getState()).isEqualTo("Greater London");
        assertThat(contact.getBusinessAddress().getPostalCode()).isEqualTo("SW1Y");
        assertThat(contact.getBusinessAddress().getCountryOrRegion()).isEqualTo("GB");
        assertThat(contact.getBusinessHomePage()).isEqualTo("https://engines.example");
        assertThat(contact.getCategories()).containsExactly("Business Central");
        assertThat(contact.getSingleValueExtendedProperties())
                .extracting(SingleValueLegacyExtendedProperty::getId, SingleValueLegacyExtendedProperty::getValue)
                .containsExactly(tuple("String {5f1d3c8e-7a2b-4c1e-9d4a-2b6e8f0a1c37} Name BcContactNo", "CT000001"));
    }

    @Test
    void absentListsAndAddressBecomeEmptyNotNull() {
        OutlookContact source = new OutlookContact("Kurt", "Kurt", null, null, null, null, null, null, null, null, null, null);

        Contact contact = ContactMapping.toGraph("CT000002", source);

        assertThat(contact.getEmailAddresses()).isEmpty();
        assertThat(contact.getBusinessPhones()).isEmpty();
        assertThat(contact.getBusinessAddress()).isNull();
    }

    @Test
    void anAdoptedContactCarriesItsLinkOriginAsASecondTag() {
        Contact contact = ContactMapping.forCreate("CT000003", minimal(), LinkOrigin.OUTLOOK);

        assertThat(contact.getSingleValueExtendedProperties())
                .extracting(SingleValueLegacyExtendedProperty::getId, SingleValueLegacyExtendedProperty::getValue)
                .containsExactly(tuple(OutlookTag.BC_CONTACT_NO, "CT000003"), tuple(OutlookTag.BC_LINK_ORIGIN, "OUTLOOK"));
    }

    @Test
    void anUpdateClearsEmptyMappedFieldsLeavesCategoriesAloneAndWritesNoOriginWhenThereIsNone() {
        Contact patch = ContactMapping.forUpdate("CT000004", minimal(), null);

        assertThat(patch.getDisplayName()).isEqualTo("Kurt Gödel");
        assertThat(patch.getJobTitle()).isEmpty();
        assertThat(patch.getMobilePhone()).isEmpty();
        assertThat(patch.getBusinessHomePage()).isEmpty();
        assertThat(patch.getEmailAddresses()).isEmpty();
        assertThat(patch.getBusinessPhones()).isEmpty();
        assertThat(patch.getBusinessAddress().getStreet()).isEmpty();
        assertThat(patch.getBusinessAddress().getCountryOrRegion()).isEmpty();
        assertThat(patch.getCategories()).isNull();
        assertThat(patch.getSingleValueExtendedProperties()).extracting(SingleValueLegacyExtendedProperty::getId)
                .containsExactly(OutlookTag.BC_CONTACT_NO);
    }

    @Test
    void readingBackGivesTheMappedFieldsAndNoAddressWhenItIsEmpty() {
        OutlookContact source = new OutlookContact("Ada Lovelace", "Ada", null, "Lovelace", null,
                List.of(new OutlookContact.EmailAddress("Ada", "ada@example.com")), "Engines", null, List.of("+44 20 1234"), null,
                new OutlookContact.PhysicalAddress("12 Square", "London", null, "SW1Y", "GB"), null);
        Contact contact = ContactMapping.toGraph("CT000005", source);
        Contact noAddress = ContactMapping.forUpdate("CT000005", minimal(), null);

        assertThat(ContactMapping.fromGraph(contact)).isEqualTo(source);
        assertThat(ContactMapping.fromGraph(noAddress).businessAddress()).isNull();
    }

    @Test
    void tagsAreReadWhateverCaseGraphSpellsThePropertyIdIn() {
        Contact contact = new Contact();
        contact.setSingleValueExtendedProperties(List.of(
                property(OutlookTag.BC_CONTACT_NO.toUpperCase(), "CT000006"),
                property(OutlookTag.BC_LINK_ORIGIN.toLowerCase(), "outlook"),
                property("String {00020329-0000-0000-c000-000000000046} Name Other", "x")));

        assertThat(ContactMapping.Tags.of(contact)).isEqualTo(new ContactMapping.Tags("CT000006", LinkOrigin.OUTLOOK));
        assertThat(ContactMapping.Tags.of(new Contact())).isEqualTo(new ContactMapping.Tags(null, null));
    }

    private static OutlookContact minimal() {
        return new OutlookContact("Kurt Gödel", "Kurt", null, "Gödel", null, null, null, null, null, null, null, null);
    }

    private static SingleValueLegacyExtendedProperty property(String id, String value) {
        SingleValueLegacyExtendedProperty property = new SingleValueLegacyExtendedProperty();
        property.setId(id);
        property.setValue(value);
        return property;
    }
}

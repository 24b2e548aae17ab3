package com.contactsync.gateway.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactsync.contracts.events.OutlookContact;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}

package com.contactsync.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.testinfra.RealInfrastructure;
import com.microsoft.graph.models.Contact;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One thin path through all four services: a contact created over contact-service's REST API reaches the user's
 * Outlook folder through the outbox, Kafka, the orchestrator, the gateway and the real Graph SDK.
 */
@RealInfrastructure
class WalkingSkeletonTest {

    private static ContactSyncSystem system;
    private static Outlook outlook;

    @BeforeAll
    static void startSystem() {
        system = ContactSyncSystem.get();
        outlook = new Outlook(system.simulator.graph());
    }

    @Test
    void S1_S3_contactCreatedInBcReachesTheUsersOutlookFolderTaggedAndMapped() {
        String mailbox = system.simulator.newMailbox();
        system.client(system.orchestrator).put().uri("/api/v1/users/walker")
                .bodyValue(Map.of("displayName", "Walker", "m365Email", mailbox))
                .exchange().expectStatus().isOk();
        system.client(system.orchestrator).put().uri("/api/v1/users/walker/contact-sync")
                .bodyValue(Map.of("enabled", true, "folderName", "Business Central", "filter", Map.of(),
                        "realtime", true))
                .exchange().expectStatus().isOk();

        Map<?, ?> created = system.client(system.contactService).post().uri("/api/v1/contacts")
                .bodyValue(Map.ofEntries(Map.entry("type", "PERSON"), Map.entry("firstName", "Ada"),
                        Map.entry("surname", "Lovelace"), Map.entry("email", "ada@analytical.example"),
                        Map.entry("companyName", "Analytical Engines Ltd"), Map.entry("jobTitle", "Programmer"),
                        Map.entry("phoneNo", "+44 20 7946 0000"), Map.entry("address", "12 St James's Square"),
                        Map.entry("address2", "Floor 2"), Map.entry("city", "London"),
                        Map.entry("postCode", "SW1Y 4JH")))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String no = (String) created.get("no");
        assertThat(no).matches("CT\\d{6}");

        Contact contact = await().atMost(Duration.ofSeconds(60))
                .until(() -> outlook.tagged(mailbox, "Business Central", no), Optional::isPresent).orElseThrow();

        assertThat(contact.getDisplayName()).isEqualTo("Ada Lovelace");
        assertThat(contact.getGivenName()).isEqualTo("Ada");
        assertThat(contact.getSurname()).isEqualTo("Lovelace");
        assertThat(contact.getEmailAddresses()).singleElement()
                .satisfies(e -> assertThat(e.getAddress()).isEqualTo("ada@analytical.example"));
        assertThat(contact.getCompanyName()).isEqualTo("Analytical Engines Ltd");
        assertThat(contact.getJobTitle()).isEqualTo("Programmer");
        assertThat(contact.getBusinessPhones()).containsExactly("+44 20 7946 0000");
        assertThat(contact.getBusinessAddress().getStreet()).isEqualTo("12 St James's Square\nFloor 2");
        assertThat(contact.getBusinessAddress().getCity()).isEqualTo("London");
        assertThat(contact.getBusinessAddress().getPostalCode()).isEqualTo("SW1Y 4JH");
        assertThat(contact.getCategories()).contains("Business Central");
    }
}

package com.contactsync.contacts.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contacts.ContactServiceApplication;
import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEventHeaders;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.SpringArgs;
import com.contactsync.testinfra.TopicReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** contact-service's REST API and the events it publishes, on a real PostgreSQL and Kafka. */
@RealInfrastructure
class ContactApiTest {

    private static ConfigurableApplicationContext context;
    private static WebTestClient api;

    @BeforeAll
    static void start() {
        Infrastructure infra = Infrastructure.get();
        Map<String, Object> properties = new HashMap<>(infra.springProperties(infra.newDatabase("contacts")));
        properties.put("server.port", 0);
        context = ContactServiceApplication.application().run(SpringArgs.of(properties));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        api = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void createAssignsTheNextNumberAndReadsBackWithETag() {
        ContactSnapshot created = api.post().uri("/api/v1/contacts")
                .bodyValue(Map.of("type", "PERSON", "firstName", "Grace", "surname", "Hopper",
                        "email", "grace@navy.example"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/contacts/CT\\d{6}")
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(ContactSnapshot.class).returnResult().getResponseBody();

        assertThat(created.no()).matches("CT\\d{6}");
        assertThat(created.name()).isEqualTo("Grace Hopper");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.lastModifiedAt()).isNotNull();

        api.get().uri("/api/v1/contacts/{no}", created.no()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(ContactSnapshot.class).isEqualTo(created);
    }

    @Test
    void numbersAreHandedOutInSeriesAndSkipOnesTakenByCallers() {
        String first = create(Map.of("type", "COMPANY", "name", "Series One")).no();
        int next = Integer.parseInt(first.substring(2)) + 1;
        String taken = String.format("CT%06d", next);
        create(Map.of("no", taken, "type", "COMPANY", "name", "Chose its own number"));

        String assigned = create(Map.of("type", "COMPANY", "name", "Series Two")).no();

        assertThat(assigned).isEqualTo(String.format("CT%06d", next + 1));
    }

    @Test
    void unknownContactIsProblem404() {
        api.get().uri("/api/v1/contacts/NOPE").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("No contact NOPE");
    }

    @Test
    void contactWithoutTypeIsRefusedNamingTheField() {
        api.post().uri("/api/v1/contacts").bodyValue(Map.of("name", "Nobody")).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("type")
                .jsonPath("$.errors[0].rule").isEqualTo("required");
    }

    @Test
    void existingNumberIsConflict() {
        String no = create(Map.of("type", "COMPANY", "name", "Original")).no();
        api.post().uri("/api/v1/contacts").bodyValue(Map.of("no", no, "type", "COMPANY", "name", "Copy")).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void createPublishesTheFullSnapshotAsCloudEventKeyedByNumber() {
        ContactSnapshot created = create(Map.of("type", "PERSON", "name", "Katherine Johnson",
                "email", "katherine@nasa.example", "city", "Hampton", "privacyBlocked", true));

        try (TopicReader reader = TopicReader.fromBeginning(Topics.BC_CONTACT_EVENTS)) {
            List<ConsumerRecord<String, byte[]>> records = reader.awaitRecords(
                    all -> all.stream().anyMatch(r -> created.no().equals(r.key())), Duration.ofSeconds(60));
            ConsumerRecord<String, byte[]> record = records.stream()
                    .filter(r -> created.no().equals(r.key())).findFirst().orElseThrow();
            assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CONTACT_UPSERTED);
            assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/contactsync/contact-service");
            assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isNotBlank();
            assertThat(EventJson.read(record.value(), ContactSnapshot.class)).isEqualTo(created);
        }
    }

    private static ContactSnapshot create(Map<String, Object> body) {
        return api.post().uri("/api/v1/contacts").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(ContactSnapshot.class).returnResult().getResponseBody();
    }
}

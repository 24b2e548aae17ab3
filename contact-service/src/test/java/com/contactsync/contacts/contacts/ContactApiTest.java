package com.contactsync.contacts.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contacts.RunningContactService;
import com.contactsync.testinfra.TestIssuer;
import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.cloudevents.CloudEventHeaders;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.ContactDeleted;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.TopicReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The REST API for single contacts, and the events each write publishes, on a real PostgreSQL and Kafka. */
@RealInfrastructure
class ContactApiTest {

    private static final MediaType MERGE_PATCH = MediaType.valueOf("application/merge-patch+json");

    @RegisterExtension
    static final RunningContactService service = RunningContactService.perTestClass();

    // --- access: BC's contacts are company data, for admins (BC and other systems) only

    @Test
    void withoutTokenTheApiAnswers401AndAPersonWithoutTheAdminRole403() {
        WebTestClient anonymous = api().mutate().defaultHeaders(headers -> headers.remove("Authorization")).build();
        WebTestClient salesperson = api().mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(TestIssuer.get().userToken("ALICE"))).build();

        anonymous.get().uri("/api/v1/contacts").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        salesperson.get().uri("/api/v1/contacts").exchange().expectStatus().isForbidden();
        salesperson.post().uri("/api/v1/contacts").bodyValue(Map.of("type", "PERSON", "name", "Mallory")).exchange()
                .expectStatus().isForbidden();
        anonymous.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        anonymous.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }


    // --- create and read

    @Test
    void createAssignsTheNextNumberAndReadsBackWithETag() {
        ContactSnapshot created = api().post().uri("/api/v1/contacts")
                .bodyValue(Map.of("type", "PERSON", "firstName", "Grace", "surname", "Hopper",
                        "email", "grace@navy.example"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/contacts/CT\\d{6}")
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(ContactSnapshot.class).returnResult().getResponseBody();

        assertThat(created.no()).matches("CT\\d{6}");
        assertThat(created.name()).as("a person's name is made of its parts").isEqualTo("Grace Hopper");
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.lastModifiedAt()).isNotNull();

        api().get().uri("/api/v1/contacts/{no}", created.no()).exchange()
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
    void aDeletedNumberIsNeverHandedOutAgain() {
        String first = create(Map.of("type", "COMPANY", "name", "Before")).no();
        int next = Integer.parseInt(first.substring(2)) + 1;
        String chosen = String.format("CT%06d", next);
        create(Map.of("no", chosen, "type", "COMPANY", "name", "Chosen, then deleted"));
        api().delete().uri("/api/v1/contacts/{no}", chosen).exchange().expectStatus().isNoContent();

        String assigned = create(Map.of("type", "COMPANY", "name", "After")).no();

        assertThat(assigned).isEqualTo(String.format("CT%06d", next + 1));
    }

    @Test
    void unknownContactIsProblem404() {
        api().get().uri("/api/v1/contacts/NOPE").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("No contact NOPE");
    }

    @Test
    void existingNumberIsConflict() {
        String no = create(Map.of("type", "COMPANY", "name", "Original")).no();
        api().post().uri("/api/v1/contacts").bodyValue(Map.of("no", no, "type", "COMPANY", "name", "Copy")).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void createPublishesTheFullSnapshotAsCloudEventKeyedByNumber() {
        ContactSnapshot created = create(Map.of("type", "PERSON", "name", "Katherine Johnson",
                "email", "katherine@nasa.example", "city", "Hampton", "privacyBlocked", true));

        ConsumerRecord<String, byte[]> record = eventsOf(created.no(), 1).get(0);
        assertThat(TopicReader.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CONTACT_UPSERTED);
        assertThat(TopicReader.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/contactsync/contact-service");
        assertThat(TopicReader.header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(EventJson.read(record.value(), ContactSnapshot.class)).isEqualTo(created);
    }

    // --- validation: the contract's rules, each reported with field and rule

    @Test
    void contactWithoutTypeIsRefusedNamingTheField() {
        refused(Map.of("name", "Nobody"), "type", "required");
    }

    @Test
    void companyWithoutNameIsRefusedNamingTheField() {
        refused(Map.of("type", "COMPANY"), "name", "required");
    }

    /** Business Central's field lengths, in characters: the limit is accepted, one more is refused. */
    @ParameterizedTest(name = "{0} holds at most {1}")
    @CsvSource({
            "no, 20", "name, 100", "firstName, 30", "middleName, 30", "surname, 30", "initials, 30", "companyNo, 20",
            "companyName, 100", "jobTitle, 30", "email, 80", "email2, 80", "phoneNo, 30", "mobilePhoneNo, 30",
            "faxNo, 30", "address, 100", "address2, 50", "city, 30", "postCode, 20", "county, 30",
            "countryRegionCode, 10", "homePage, 80", "salespersonCode, 20", "territoryCode, 20"})
    void fieldLongerThanBusinessCentralAllowsIsRefused(String field, int limit) {
        if (field.equals("companyNo")) {
            api().put().uri("/api/v1/contacts/{no}", valueOfLength(field, limit))
                    .bodyValue(Map.of("type", "COMPANY", "name", "Company with the longest number")).exchange()
                    .expectStatus().is2xxSuccessful();
        }
        create(personWith(field, valueOfLength(field, limit)));

        refused(personWith(field, valueOfLength(field, limit + 1)), field, "maxLength")
                .jsonPath("$.errors[0].message").isEqualTo(
                        "is " + (limit + 1) + " characters long, at most " + limit + " allowed");
    }

    @Test
    void invalidEmailIsRefused() {
        refused(Map.of("type", "PERSON", "name", "Bad Mail", "email", "not-an-email"), "email", "format")
                .jsonPath("$.errors[0].message").isEqualTo("\"not-an-email\" is not a valid email");
    }

    @Test
    void unknownFieldIsRefusedRatherThanDropped() {
        refused(Map.of("type", "PERSON", "name", "Typo", "nmae", "Typo"), "nmae", "additionalProperties");
    }

    @Test
    void lowerCaseCodeIsRefused() {
        refused(Map.of("type", "COMPANY", "name", "Codes", "countryRegionCode", "de"), "countryRegionCode", "pattern");
    }

    @Test
    void everyBrokenFieldIsListed() {
        api().post().uri("/api/v1/contacts")
                .bodyValue(Map.of("type", "PERSON", "name", "Two Faults", "email", "x", "city", "C".repeat(31)))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[*].field").value(
                        fields -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("email", "city"));
    }

    @Test
    void bodyThatIsNotJsonIsBadRequest() {
        api().post().uri("/api/v1/contacts").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void emptyOptionalFieldsAreStoredAsNone() {
        ContactSnapshot created = create(Map.of("type", "PERSON", "name", "Empty Fields", "email", "",
                "countryRegionCode", ""));

        assertThat(created.email()).isNull();
        assertThat(created.countryRegionCode()).isNull();
    }

    @Test
    void aReadCanBeSentBackAsItIsWithoutMakingAChange() {
        ContactSnapshot created = create(Map.of("type", "PERSON", "name", "Round Trip", "city", "Bonn"));
        String read = api().get().uri("/api/v1/contacts/{no}", created.no()).exchange()
                .expectBody(String.class).returnResult().getResponseBody();

        api().put().uri("/api/v1/contacts/{no}", created.no()).contentType(MediaType.APPLICATION_JSON).bodyValue(read)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(ContactSnapshot.class).isEqualTo(created);
    }

    // --- companies and their persons

    @Test
    void personLinkedToACompanyCarriesTheCompanysName() {
        String company = create(Map.of("type", "COMPANY", "name", "Müller & Söhne GmbH")).no();

        ContactSnapshot person = create(Map.of("type", "PERSON", "name", "Anna Schmidt", "companyNo", company,
                "companyName", "Something else"));

        assertThat(person.companyNo()).isEqualTo(company);
        assertThat(person.companyName()).isEqualTo("Müller & Söhne GmbH");
    }

    @Test
    void personLinkedToAnUnknownContactOrToAPersonIsRefused() {
        String person = create(Map.of("type", "PERSON", "name", "Not A Company")).no();

        refused(Map.of("type", "PERSON", "name", "Orphan", "companyNo", "NOSUCHCOMPANY"), "companyNo", "company");
        refused(Map.of("type", "PERSON", "name", "Wrong Link", "companyNo", person), "companyNo", "company");
    }

    @Test
    void companyCannotBelongToAnotherCompany() {
        String company = create(Map.of("type", "COMPANY", "name", "Parent")).no();

        refused(Map.of("type", "COMPANY", "name", "Child", "companyNo", company), "companyNo", "ownNumber");
    }

    @Test
    void renamingACompanyRenamesItInEachOfItsPersonsWithAnEventEach() {
        String company = create(Map.of("type", "COMPANY", "name", "Old Name AG")).no();
        String anna = create(Map.of("type", "PERSON", "name", "Anna", "companyNo", company)).no();
        String ben = create(Map.of("type", "PERSON", "name", "Ben", "companyNo", company)).no();
        String other = create(Map.of("type", "PERSON", "name", "Other", "companyName", "Old Name AG")).no();

        patch(company, "{\"name\":\"New Name AG\"}", null).expectStatus().isOk();

        for (String person : List.of(anna, ben)) {
            ContactSnapshot read = get(person);
            assertThat(read.companyName()).isEqualTo("New Name AG");
            assertThat(read.version()).isEqualTo(2);
            List<ConsumerRecord<String, byte[]>> events = eventsOf(person, 2);
            assertThat(EventJson.read(events.get(1).value(), ContactSnapshot.class)).isEqualTo(read);
        }
        assertThat(get(other).companyName()).as("not linked, so not renamed").isEqualTo("Old Name AG");
        assertThat(get(other).version()).isEqualTo(1);
    }

    @Test
    void companyWithPersonsCannotBeDeletedNorBecomeAPerson() {
        String company = create(Map.of("type", "COMPANY", "name", "Has Staff")).no();
        create(Map.of("type", "PERSON", "name", "Staff", "companyNo", company));

        api().delete().uri("/api/v1/contacts/{no}", company).exchange().expectStatus().isEqualTo(409);
        patch(company, "{\"type\":\"PERSON\"}", null).expectStatus().isEqualTo(409);
        assertThat(get(company).version()).isEqualTo(1);
    }

    // --- replace (PUT)

    @Test
    void putReplacesEveryFieldAndRaisesTheVersion() {
        ContactSnapshot created = create(Map.of("type", "PERSON", "name", "Before", "city", "Köln",
                "jobTitle", "Buyer"));

        ContactSnapshot replaced = api().put().uri("/api/v1/contacts/{no}", created.no())
                .bodyValue(Map.of("type", "PERSON", "name", "After", "email", "after@example.com")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody(ContactSnapshot.class).returnResult().getResponseBody();

        assertThat(replaced.name()).isEqualTo("After");
        assertThat(replaced.email()).isEqualTo("after@example.com");
        assertThat(replaced.city()).as("left out, so emptied").isNull();
        assertThat(replaced.jobTitle()).isNull();
        assertThat(replaced.version()).isEqualTo(2);
        assertThat(replaced.lastModifiedAt()).isAfter(created.lastModifiedAt());
    }

    @Test
    void putCreatesAMissingContactUnderItsNumber() {
        api().put().uri("/api/v1/contacts/{no}", "PUT-CREATED")
                .bodyValue(Map.of("type", "COMPANY", "name", "Created by PUT")).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/api/v1/contacts/PUT-CREATED")
                .expectHeader().valueEquals("ETag", "\"1\"");
    }

    @Test
    void putWithAnotherNumberInTheBodyIsRefused() {
        String no = create(Map.of("type", "COMPANY", "name", "Keeps Its Number")).no();

        api().put().uri("/api/v1/contacts/{no}", no)
                .bodyValue(Map.of("no", "SOMETHINGELSE", "type", "COMPANY", "name", "Renumbered")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("no")
                .jsonPath("$.errors[0].rule").isEqualTo("matchesPath");
    }

    @ParameterizedTest
    @CsvSource({"lower-case, pattern", "TWENTY-ONE-CHARACTERS, maxLength"})
    void putUnderANumberBusinessCentralCannotHoldIsRefused(String no, String rule) {
        api().put().uri("/api/v1/contacts/{no}", no).bodyValue(Map.of("type", "COMPANY", "name", "Bad Number"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("no")
                .jsonPath("$.errors[0].rule").isEqualTo(rule);
    }

    @Test
    void writeWithoutChangesKeepsTheVersionAndPublishesNothing() {
        String no = create(Map.of("type", "COMPANY", "name", "Unchanged")).no();

        api().put().uri("/api/v1/contacts/{no}", no).bodyValue(Map.of("type", "COMPANY", "name", "Unchanged"))
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");
        patch(no, "{\"name\":\"Changed\"}", null).expectHeader().valueEquals("ETag", "\"2\"");

        // The change is the second event: the write before it published none.
        assertThat(eventsOf(no, 2)).extracting(r -> EventJson.read(r.value(), ContactSnapshot.class).version())
                .containsExactly(1L, 2L);
    }

    // --- merge patch (PATCH)

    @Test
    void mergePatchChangesOnlyTheGivenFieldsAndNullEmptiesOne() {
        String no = create(Map.of("type", "PERSON", "name", "Patched", "city", "Graz", "jobTitle", "CTO",
                "email", "patched@example.com")).no();

        ContactSnapshot patched = patch(no, "{\"city\":\"Linz\",\"jobTitle\":null}", null)
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody(ContactSnapshot.class).returnResult().getResponseBody();

        assertThat(patched.city()).isEqualTo("Linz");
        assertThat(patched.jobTitle()).isNull();
        assertThat(patched.email()).isEqualTo("patched@example.com");
        assertThat(patched.name()).isEqualTo("Patched");
    }

    @Test
    void mergePatchNeedsItsMediaType() {
        String no = create(Map.of("type", "COMPANY", "name", "Media Type")).no();

        api().patch().uri("/api/v1/contacts/{no}", no).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"Plain JSON\"}").exchange()
                .expectStatus().isEqualTo(415);
    }

    @Test
    void mergePatchThatBreaksARuleIsRefusedAndChangesNothing() {
        String no = create(Map.of("type", "COMPANY", "name", "Stays Valid")).no();

        patch(no, "{\"name\":null,\"email\":\"broken\"}", null)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[*].field").value(
                        fields -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("name", "email"));
        assertThat(get(no).version()).isEqualTo(1);
    }

    @Test
    void mergePatchOfAnUnknownContactIs404() {
        patch("NOSUCHCONTACT", "{\"name\":\"Ghost\"}", null).expectStatus().isNotFound();
    }

    // --- ETag and If-Match

    @Test
    void ifMatchWithTheCurrentETagLetsEveryWriteThrough() {
        String no = create(Map.of("type", "COMPANY", "name", "Version 1")).no();

        api().put().uri("/api/v1/contacts/{no}", no).header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(Map.of("type", "COMPANY", "name", "Version 2")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
        patch(no, "{\"name\":\"Version 3\"}", "\"2\"")
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"3\"");
        api().delete().uri("/api/v1/contacts/{no}", no).header(HttpHeaders.IF_MATCH, "\"7\", \"3\"").exchange()
                .expectStatus().isNoContent();
    }

    @Test
    void staleIfMatchIs412OnPutPatchAndDeleteAndChangesNothing() {
        String no = create(Map.of("type", "COMPANY", "name", "Guarded")).no();
        patch(no, "{\"name\":\"Guarded twice\"}", null).expectStatus().isOk();

        api().put().uri("/api/v1/contacts/{no}", no).header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue(Map.of("type", "COMPANY", "name", "Lost update")).exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo(no + " is at version 2, expected If-Match \"1\"");
        patch(no, "{\"name\":\"Lost update\"}", "\"1\"").expectStatus().isEqualTo(412);
        api().delete().uri("/api/v1/contacts/{no}", no).header(HttpHeaders.IF_MATCH, "\"1\"").exchange()
                .expectStatus().isEqualTo(412);

        ContactSnapshot stored = get(no);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.name()).isEqualTo("Guarded twice");
    }

    @Test
    void ifMatchStarNeedsAnExistingContact() {
        api().put().uri("/api/v1/contacts/{no}", "STAR-MISSING").header(HttpHeaders.IF_MATCH, "*")
                .bodyValue(Map.of("type", "COMPANY", "name", "Never created")).exchange()
                .expectStatus().isEqualTo(412);
        String no = create(Map.of("type", "COMPANY", "name", "Star")).no();
        api().put().uri("/api/v1/contacts/{no}", no).header(HttpHeaders.IF_MATCH, "*")
                .bodyValue(Map.of("type", "COMPANY", "name", "Star, replaced")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void weakETagNeverMatches() {
        String no = create(Map.of("type", "COMPANY", "name", "Strong only")).no();

        patch(no, "{\"name\":\"Weak\"}", "W/\"1\"").expectStatus().isEqualTo(412);
    }

    // --- delete

    @Test
    void deleteRemovesTheContactAndPublishesDeletedWithTheLastVersion() {
        String no = create(Map.of("type", "PERSON", "name", "Short Lived")).no();
        patch(no, "{\"city\":\"Wien\"}", null).expectStatus().isOk();

        api().delete().uri("/api/v1/contacts/{no}", no).exchange().expectStatus().isNoContent();

        api().get().uri("/api/v1/contacts/{no}", no).exchange().expectStatus().isNotFound();
        ConsumerRecord<String, byte[]> last = eventsOf(no, 3).get(2);
        assertThat(TopicReader.header(last, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CONTACT_DELETED);
        ContactDeleted deleted = EventJson.read(last.value(), ContactDeleted.class);
        assertThat(deleted.no()).isEqualTo(no);
        assertThat(deleted.version()).isEqualTo(2);
        assertThat(deleted.deletedAt()).isNotNull();
    }

    @Test
    void deletingAnUnknownContactIs404() {
        api().delete().uri("/api/v1/contacts/NOSUCHCONTACT").exchange().expectStatus().isNotFound();
    }

    @Test
    void aNumberCreatedAgainContinuesItsVersionsAfterTheDelete() {
        Map<String, Object> company = Map.of("type", "COMPANY", "name", "Phoenix");
        api().put().uri("/api/v1/contacts/PHOENIX").bodyValue(company).exchange().expectStatus().isCreated();
        api().delete().uri("/api/v1/contacts/PHOENIX").exchange().expectStatus().isNoContent();

        // Consumers keep the highest version they saw (the deletion's, 1): the new contact must be newer.
        api().put().uri("/api/v1/contacts/PHOENIX").bodyValue(company).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"2\"");
    }

    // --- helpers

    private static ContactSnapshot create(Map<String, Object> body) {
        return api().post().uri("/api/v1/contacts").bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(ContactSnapshot.class).returnResult().getResponseBody();
    }

    private static ContactSnapshot get(String no) {
        return api().get().uri("/api/v1/contacts/{no}", no).exchange()
                .expectStatus().isOk()
                .expectBody(ContactSnapshot.class).returnResult().getResponseBody();
    }

    private static WebTestClient.ResponseSpec patch(String no, String mergePatch, String ifMatch) {
        WebTestClient.RequestBodySpec request = api().patch().uri("/api/v1/contacts/{no}", no).contentType(MERGE_PATCH);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(mergePatch).exchange();
    }

    private static WebTestClient.BodyContentSpec refused(Map<String, Object> body, String field, String rule) {
        return api().post().uri("/api/v1/contacts").bodyValue(body).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].rule").isEqualTo(rule);
    }

    /** The events of one contact, in the order its partition holds them, once there are at least {@code count}. */
    private static List<ConsumerRecord<String, byte[]>> eventsOf(String no, int count) {
        try (TopicReader reader = TopicReader.fromBeginning(service.eventsTopic())) {
            return reader.awaitRecords(all -> all.stream().filter(r -> no.equals(r.key())).count() >= count,
                            Duration.ofSeconds(60))
                    .stream().filter(r -> no.equals(r.key())).toList();
        }
    }

    private static Map<String, Object> personWith(String field, String value) {
        Map<String, Object> body = new HashMap<>(Map.of("type", ContactType.PERSON.name(), "name", "Limits"));
        body.put(field, value);
        return body;
    }

    private static String valueOfLength(String field, int length) {
        if (field.startsWith("email")) {
            // A DNS label holds at most 63 characters, so the length goes into a label of its own.
            return "anna.schmidt@mail." + "m".repeat(length - 21) + ".de";
        }
        // Upper case suits codes and texts alike; numbers differ from other tests' numbers.
        return (field.equals("no") ? "N" : field.equals("companyNo") ? "K" : "A").repeat(length);
    }

    private static WebTestClient api() {
        return service.api();
    }
}

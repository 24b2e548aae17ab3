package com.contactsync.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Samples;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.cloudevents.InvalidEventException;
import com.contactsync.contracts.events.ContactUpsertRequested;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class ContractSchemasTest {

    static Stream<Arguments> samples() {
        return Samples.byType().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @Test
    void thereIsASampleOfEveryDataType() {
        Map<String, Object> samples = Samples.byType();
        assertThat(samples).containsOnlyKeys(EventTypes.DATA_TYPES.keySet());
        samples.forEach((type, data) -> assertThat(data).isInstanceOf(EventTypes.DATA_TYPES.get(type)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyDataTypeSerialisesToJsonItsSchemaAccepts(String type, Object data) {
        byte[] json = EventJson.write(data);

        assertThat(ContractSchemas.validate(type, json)).isEmpty();
        assertThat(EventJson.read(json, EventTypes.DATA_TYPES.get(type))).isEqualTo(data);
    }

    @Test
    void requireValidNamesTheFieldPathAndRuleForAPerson() {
        byte[] json = upsertRequest(contact -> contact.put("email", "not-an-email"));

        assertThatThrownBy(() -> ContractSchemas.requireValid(EventTypes.CONTACT_UPSERT_REQUESTED, json))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("$.contact.email: \"not-an-email\" is not a valid email");
    }

    @Test
    void requireValidReportsEveryViolationFirstOneFirst() {
        byte[] json = upsertRequest(contact -> contact.put("email", "not-an-email").put("city", "x".repeat(31)));

        assertThatThrownBy(() -> ContractSchemas.requireValid(EventTypes.CONTACT_UPSERT_REQUESTED, json))
                .hasMessage("$.contact.email: \"not-an-email\" is not a valid email; "
                        + "$.contact.city: is 31 characters long, at most 30 allowed");
    }

    @Test
    void describeGivesTheMessageRequireValidThrows() {
        byte[] json = upsertRequest(contact -> contact.put("email", "not-an-email").put("city", "x".repeat(31)));

        assertThatThrownBy(() -> ContractSchemas.requireValid(EventTypes.CONTACT_UPSERT_REQUESTED, json))
                .hasMessage(ContractSchemas.describe(violations(json)));
    }

    @Test
    void requireValidAcceptsValidData() {
        ContractSchemas.requireValid(EventTypes.CONTACT_UPSERTED, EventJson.write(Samples.snapshot()));
    }

    @Test
    void overLongNameIsRefused() {
        assertThat(violations(upsertRequest(contact -> contact.put("name", "N".repeat(101)))))
                .containsExactly(new SchemaViolation("$.contact.name", "maxLength", "is 101 characters long, at most 100 allowed"));
    }

    @Test
    void lengthsCountCharactersNotBytes() {
        assertThat(violations(upsertRequest(contact -> contact.put("city", "Ü".repeat(30))))).isEmpty();
    }

    @Test
    void missingRequiredFieldIsRefused() {
        assertThat(violations(upsertRequest(contact -> contact.remove("name"))))
                .containsExactly(new SchemaViolation("$.contact.name", "required", "is required"));
        assertThat(ContractSchemas.validate(EventTypes.CONTACT_UPSERTED, json("{\"no\":\"CT1\"}")))
                .extracting(SchemaViolation::path)
                .containsExactlyInAnyOrder("$.type", "$.name", "$.privacyBlocked", "$.lastModifiedAt", "$.version");
    }

    @Test
    void emptyNameIsRefusedOnARequest() {
        assertThat(violations(upsertRequest(contact -> contact.put("name", ""))))
                .containsExactly(new SchemaViolation("$.contact.name", "minLength", "must not be empty"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna@mueller-soehne.de", "ada@analytical.example", "grace@navy.example.com", "t@host.test"})
    void addressesOnDelegatedAndOnReservedTestDomainsAreValid(String email) {
        assertThat(violations(upsertRequest(contact -> contact.put("email", email)))).isEmpty();
    }

    @Test
    void addressOnATopLevelDomainThatDoesNotExistIsRefused() {
        assertThat(violations(upsertRequest(contact -> contact.put("email", "anna@mueller.nosuchtld"))))
                .containsExactly(new SchemaViolation("$.contact.email", "format",
                        "\"anna@mueller.nosuchtld\" is not a valid email"));
    }

    @Test
    void unknownPropertyOnARequestIsRefused() {
        byte[] json = upsertRequest(contact -> contact.put("nmae", "Anna"));
        ObjectNode request = (ObjectNode) EventJson.tree(json);
        request.put("priority", "high");

        assertThat(ContractSchemas.validate(EventTypes.CONTACT_UPSERT_REQUESTED, EventJson.write(request)))
                .containsExactlyInAnyOrder(
                        new SchemaViolation("$.contact.nmae", "additionalProperties", "is not a known property"),
                        new SchemaViolation("$.priority", "additionalProperties", "is not a known property"));
        assertThat(ContractSchemas.validate(EventTypes.CONTACT_DELETE_REQUESTED, json("{\"no\":\"CT1\",\"force\":true}")))
                .containsExactly(new SchemaViolation("$.force", "additionalProperties", "is not a known property"));
    }

    @Test
    void unknownPropertyIsReportedExactlyEvenBesideAnInvalidField() {
        assertThat(violations(upsertRequest(contact -> contact.put("email", "x").put("nmae", "Anna"))))
                .containsExactlyInAnyOrder(
                        new SchemaViolation("$.contact.email", "format", "\"x\" is not a valid email"),
                        new SchemaViolation("$.contact.nmae", "additionalProperties", "is not a known property"));
    }

    @Test
    void oddPropertyNamesGetBracketedPaths() {
        assertThat(ContractSchemas.validate(EventTypes.CONTACT_DELETE_REQUESTED, json("{\"no\":\"CT1\",\"\":1,\"it's\":2}")))
                .containsExactlyInAnyOrder(
                        new SchemaViolation("$['']", "additionalProperties", "is not a known property"),
                        new SchemaViolation("$['it\\'s']", "additionalProperties", "is not a known property"));
    }

    @Test
    void typesOurServicesProduceTolerateNewProperties() {
        ObjectNode snapshot = (ObjectNode) EventJson.tree(EventJson.write(Samples.snapshot()));
        snapshot.put("salutationCode", "MR");

        assertThat(ContractSchemas.validate(EventTypes.CONTACT_UPSERTED, EventJson.write(snapshot))).isEmpty();
    }

    @Test
    void wrongEnumIsRefused() {
        assertThat(violations(upsertRequest(contact -> contact.put("type", "SUPPLIER"))))
                .containsExactly(new SchemaViolation("$.contact.type", "enum", "\"SUPPLIER\" is not one of PERSON, COMPANY"));
        assertThat(ContractSchemas.validate(EventTypes.SYNC_REQUESTED, json("{\"userId\":null,\"mode\":\"DELTA\"}")))
                .containsExactly(new SchemaViolation("$.mode", "enum", "\"DELTA\" is not one of INCREMENTAL, FULL"));
    }

    @Test
    void wrongTypeIsRefused() {
        assertThat(violations(upsertRequest(contact -> contact.put("postCode", 80807))))
                .containsExactly(new SchemaViolation("$.contact.postCode", "type", "is a number, expected string or null"));
    }

    @ParameterizedTest
    @CsvSource({"no, ct000123", "companyNo, ' CT000100'", "salespersonCode, jr", "countryRegionCode, de"})
    void codesMustBeUpperCaseWithoutOuterSpaces(String field, String value) {
        assertThat(violations(upsertRequest(contact -> contact.put(field, value)))).containsExactly(new SchemaViolation(
                "$.contact." + field, "pattern",
                "must be upper case without leading or trailing spaces (a Business Central code)"));
    }

    @Test
    void emptyOrNullOptionalFieldsMeanNone() {
        assertThat(violations(upsertRequest(contact -> contact.put("email", "").putNull("email2").put("no", "")
                .put("countryRegionCode", "")))).isEmpty();
    }

    /** Business Central's field lengths; codes get upper-case values, e-mails valid addresses of that length. */
    @ParameterizedTest(name = "{0} holds at most {1}")
    @CsvSource({
            "no, 20", "name, 100", "firstName, 30", "middleName, 30", "surname, 30", "initials, 30", "companyNo, 20",
            "companyName, 100", "jobTitle, 30", "email, 80", "email2, 80", "phoneNo, 30", "mobilePhoneNo, 30",
            "faxNo, 30", "address, 100", "address2, 50", "city, 30", "postCode, 20", "county, 30",
            "countryRegionCode, 10", "homePage, 80", "salespersonCode, 20", "territoryCode, 20"})
    void contactFieldsHaveBusinessCentralLengths(String field, int limit) {
        assertThat(violations(upsertRequest(contact -> contact.put(field, valueOfLength(field, limit))))).isEmpty();

        assertThat(violations(upsertRequest(contact -> contact.put(field, valueOfLength(field, limit + 1)))))
                .contains(new SchemaViolation("$.contact." + field, "maxLength",
                        "is " + (limit + 1) + " characters long, at most " + limit + " allowed"));
        assertThat(ContractSchemas.validate(EventTypes.CONTACT_UPSERTED, snapshotWith(field, valueOfLength(field, limit + 1))))
                .extracting(SchemaViolation::path).contains("$." + field);
    }

    @Test
    void writeCommandNeedsAContactToUpsert() {
        String command = """
                {"commandId":"c1","userId":"u1","mailbox":"u1@contoso.com","folderName":"Business Central",
                 "operations":[{"action":"UPSERT","contactNo":"CT1","contact":null},
                               {"action":"DELETE","contactNo":"CT2","contact":null}]}""";

        assertThat(ContractSchemas.validate(EventTypes.OUTLOOK_WRITE_CONTACTS, json(command)))
                .containsExactly(new SchemaViolation("$.operations[0].contact", "type", "is null, expected object"));
    }

    @Test
    void badTimestampIsRefused() {
        assertThat(ContractSchemas.validate(EventTypes.CONTACT_DELETED,
                json("{\"no\":\"CT1\",\"version\":3,\"deletedAt\":\"yesterday\"}")))
                .containsExactly(new SchemaViolation("$.deletedAt", "format", "\"yesterday\" is not a valid date-time"));
    }

    @Test
    void overLongValuesAreCutInMessages() {
        String email = "no-at-sign-" + "x".repeat(60);

        assertThat(violations(upsertRequest(contact -> contact.put("email", email))))
                .contains(new SchemaViolation("$.contact.email", "format",
                        "\"no-at-sign-xxxxxxxxxxxxxxxxxxxxxxxxxxx… is not a valid email"));
    }

    @Test
    void unknownTypeIsRefusedNamingTheHeader() {
        assertThatThrownBy(() -> ContractSchemas.validate("contactsync.contact.merged.v1", json("{}")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("ce_type 'contactsync.contact.merged.v1' is not a known event type");
    }

    @Test
    void dataThatIsNotJsonIsRefusedClearly() {
        assertThatThrownBy(() -> ContractSchemas.validate(EventTypes.CONTACT_UPSERTED, json("{\"no\": CT1}")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("data is not JSON: Unrecognized token 'CT1'")
                .hasMessageEndingWith("(line 1, column 8)");
        assertThatThrownBy(() -> ContractSchemas.validate(EventTypes.CONTACT_UPSERTED, json("{} {}")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("data is not JSON: Trailing token");
        assertThatThrownBy(() -> ContractSchemas.validate(EventTypes.CONTACT_UPSERTED, new byte[0]))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("data is missing: the record value is empty");
        assertThatThrownBy(() -> ContractSchemas.validate(EventTypes.CONTACT_UPSERTED, null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("data is missing: the record value is empty");
    }

    @Test
    void jsonThatIsNotAnObjectIsAViolation() {
        assertThat(ContractSchemas.validate(EventTypes.SYNC_REQUESTED, json("[\"FULL\"]")))
                .containsExactly(new SchemaViolation("$", "type", "is an array, expected object"));
        assertThat(ContractSchemas.validate(EventTypes.SYNC_REQUESTED, json("null")))
                .containsExactly(new SchemaViolation("$", "type", "is null, expected object"));
    }

    @Test
    void concurrentValidationsGiveTheSameAnswers() {
        List<byte[]> inputs = IntStream.range(0, 2_000)
                .mapToObj(i -> upsertRequest(contact -> contact.put("email", i % 2 == 0 ? "a" + i + "@example.com" : "bad " + i)))
                .toList();
        List<List<SchemaViolation>> sequential = inputs.stream().map(ContractSchemasTest::violations).toList();

        List<List<SchemaViolation>> parallel = inputs.parallelStream().map(ContractSchemasTest::violations).toList();

        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential.stream().filter(List::isEmpty)).hasSize(1_000);
    }

    private static List<SchemaViolation> violations(byte[] upsertRequest) {
        return ContractSchemas.validate(EventTypes.CONTACT_UPSERT_REQUESTED, upsertRequest);
    }

    /** A valid upsert request of the sample contact, changed by {@code change}. */
    private static byte[] upsertRequest(Consumer<ObjectNode> change) {
        ObjectNode request = (ObjectNode) EventJson.tree(EventJson.write(
                new ContactUpsertRequested(Samples.fields(), "crm-4711", null)));
        change.accept((ObjectNode) request.get("contact"));
        return EventJson.write(request);
    }

    private static byte[] snapshotWith(String field, String value) {
        ObjectNode snapshot = (ObjectNode) EventJson.tree(EventJson.write(Samples.snapshot()));
        snapshot.put(field, value);
        return EventJson.write(snapshot);
    }

    private static String valueOfLength(String field, int length) {
        if (field.startsWith("email")) {
            // A DNS label holds at most 63 characters, so the length goes into a label of its own.
            String email = "anna.schmidt@mail." + "m".repeat(length - 21) + ".de";
            assertThat(email).hasSize(length);
            return email;
        }
        return "A".repeat(length);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

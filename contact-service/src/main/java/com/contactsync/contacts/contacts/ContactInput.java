package com.contactsync.contacts.contacts;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.ContactFields;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.schema.ContractSchemas;
import com.contactsync.contracts.schema.SchemaViolation;
import com.contactsync.kit.web.ApiProblem;
import com.contactsync.kit.web.ApiProblem.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A contact's fields as a REST client sends them. The body is checked as the {@code contact} of an upsert request,
 * against that request's JSON Schema in sync-contracts, so REST and the Kafka intake enforce the very same rules
 * (Business Central's lengths, codes, e-mails, no unknown fields).
 */
final class ContactInput {

    /** What a read returns but no write sets; ignored, so that a read can be changed and sent back as it is. */
    private static final List<String> READ_ONLY = List.of("lastModifiedAt", "version");
    private static final String CONTACT_PATH = "$.contact";

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ContactInput() {
    }

    /** A JSON object from a request body. */
    static ObjectNode object(byte[] body) {
        JsonNode node;
        try {
            node = STRICT.readTree(body);
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("body", "json", "is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.badRequest("body", "type", "must be a JSON object of contact fields");
        }
        return (ObjectNode) node;
    }

    /** The fields of a POST body. */
    static ContactFields parse(byte[] body) {
        return fields(object(body));
    }

    /** The fields of a PUT body; the number in the path is checked by the same rules as one in the body. */
    static ContactFields parse(byte[] body, String no) {
        ObjectNode contact = object(body);
        JsonNode given = contact.get("no");
        if (given == null || given.isNull() || given.isString() && given.stringValue().isEmpty()) {
            contact.put("no", no);
        }
        return fields(contact);
    }

    /** The fields of {@code current} with a merge patch applied. */
    static ContactFields merge(ContactSnapshot current, ObjectNode patch) {
        return fields((ObjectNode) MergePatch.apply(EventJson.mapper().valueToTree(current), patch));
    }

    /** @throws ContactRefusedException ({@code INVALID}) naming each field, rule and what is wrong */
    private static ContactFields fields(ObjectNode contact) {
        READ_ONLY.forEach(contact::remove);
        fillPersonName(contact);
        ObjectNode request = STRICT.createObjectNode();
        request.set("contact", contact);
        List<SchemaViolation> violations =
                ContractSchemas.validate(EventTypes.CONTACT_UPSERT_REQUESTED, STRICT.writeValueAsBytes(request));
        if (!violations.isEmpty()) {
            throw ContactRefusedException.invalid(violations.stream().map(ContactInput::problem).toList());
        }
        return EventJson.mapper().treeToValue(contact, ContactFields.class);
    }

    /** Business Central fills a person's name from its parts when none is given. */
    private static void fillPersonName(ObjectNode contact) {
        if (!"PERSON".equals(text(contact, "type")) || !text(contact, "name").isBlank()) {
            return;
        }
        String joined = Stream.of("firstName", "middleName", "surname")
                .map(part -> text(contact, part).strip())
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" "));
        if (!joined.isEmpty()) {
            contact.put("name", joined);
        }
    }

    private static String text(ObjectNode contact, String field) {
        JsonNode value = contact.get(field);
        return value != null && value.isString() ? value.stringValue() : "";
    }

    private static FieldProblem problem(SchemaViolation violation) {
        String field = violation.path().startsWith(CONTACT_PATH)
                ? violation.path().substring(CONTACT_PATH.length()).replaceFirst("^\\.", "")
                : violation.path();
        return new FieldProblem(field, violation.rule(), violation.message());
    }
}

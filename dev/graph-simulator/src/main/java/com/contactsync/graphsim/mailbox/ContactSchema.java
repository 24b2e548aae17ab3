package com.contactsync.graphsim.mailbox;

import com.contactsync.graphsim.error.GraphException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The structural properties of Graph's {@code microsoft.graph.contact} (graph/contact-schema.csdl.xml), what a
 * client may send for each, and what a read shows for the ones never set.
 */
public final class ContactSchema {

    /** The kinds of value the contact's properties take in the CSDL. */
    enum Type {
        STRING, DATE_TIME, STRING_COLLECTION, EMAIL_ADDRESS, EMAIL_ADDRESS_COLLECTION, PHYSICAL_ADDRESS
    }

    public static final String EXTENDED_PROPERTIES = "singleValueExtendedProperties";

    /** Set by the store; what a client sends for them is ignored, as Exchange does. */
    static final Set<String> SERVER_SET = Set.of("id", "changeKey", "createdDateTime", "lastModifiedDateTime", "parentFolderId");

    /** Every structural property, in the order Graph returns them. */
    static final Map<String, Type> PROPERTIES = properties();

    /** Graph v1.0 leaves these out of a read unless they have a value. */
    static final Set<String> SHOWN_ONLY_WHEN_SET = Set.of("primaryEmailAddress", "secondaryEmailAddress", "tertiaryEmailAddress");

    private static final Set<String> EMAIL_ADDRESS_FIELDS = Set.of("name", "address");
    private static final Set<String> PHYSICAL_ADDRESS_FIELDS = Set.of("street", "city", "state", "countryOrRegion", "postalCode");
    private static final Pattern EXTENDED_PROPERTY_ID = Pattern.compile(
            "(?i)(Binary|Boolean|CLSID|Currency|Double|Integer|Long|Object|Short|String|SystemTime) "
                    + "(\\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\} (Name \\S.*|Id 0x[0-9a-f]{1,4})"
                    + "|0x[0-9a-f]{1,4})");

    private ContactSchema() {
    }

    private static Map<String, Type> properties() {
        Map<String, Type> p = new LinkedHashMap<>();
        p.put("id", Type.STRING);
        p.put("createdDateTime", Type.DATE_TIME);
        p.put("lastModifiedDateTime", Type.DATE_TIME);
        p.put("changeKey", Type.STRING);
        p.put("categories", Type.STRING_COLLECTION);
        p.put("parentFolderId", Type.STRING);
        p.put("birthday", Type.DATE_TIME);
        p.put("fileAs", Type.STRING);
        p.put("displayName", Type.STRING);
        p.put("givenName", Type.STRING);
        p.put("initials", Type.STRING);
        p.put("middleName", Type.STRING);
        p.put("nickName", Type.STRING);
        p.put("surname", Type.STRING);
        p.put("title", Type.STRING);
        p.put("yomiGivenName", Type.STRING);
        p.put("yomiSurname", Type.STRING);
        p.put("yomiCompanyName", Type.STRING);
        p.put("generation", Type.STRING);
        p.put("imAddresses", Type.STRING_COLLECTION);
        p.put("jobTitle", Type.STRING);
        p.put("companyName", Type.STRING);
        p.put("department", Type.STRING);
        p.put("officeLocation", Type.STRING);
        p.put("profession", Type.STRING);
        p.put("businessHomePage", Type.STRING);
        p.put("assistantName", Type.STRING);
        p.put("manager", Type.STRING);
        p.put("homePhones", Type.STRING_COLLECTION);
        p.put("mobilePhone", Type.STRING);
        p.put("businessPhones", Type.STRING_COLLECTION);
        p.put("spouseName", Type.STRING);
        p.put("personalNotes", Type.STRING);
        p.put("children", Type.STRING_COLLECTION);
        p.put("emailAddresses", Type.EMAIL_ADDRESS_COLLECTION);
        p.put("primaryEmailAddress", Type.EMAIL_ADDRESS);
        p.put("secondaryEmailAddress", Type.EMAIL_ADDRESS);
        p.put("tertiaryEmailAddress", Type.EMAIL_ADDRESS);
        p.put("homeAddress", Type.PHYSICAL_ADDRESS);
        p.put("businessAddress", Type.PHYSICAL_ADDRESS);
        p.put("otherAddress", Type.PHYSICAL_ADDRESS);
        return Collections.unmodifiableMap(p);
    }

    public static boolean isProperty(String name) {
        return PROPERTIES.containsKey(name);
    }

    /**
     * Checks a POST or PATCH body against the schema and splits it into the contact's properties (server-set ones
     * and instance annotations dropped, explicit nulls kept as clearing the property) and its extended properties.
     *
     * @throws GraphException 400 naming the first property the contact type does not have or a value of the wrong shape
     */
    public static ContactInput read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GraphException.requestBodyRead("The request body must be a JSON object of type 'microsoft.graph.contact'.");
        }
        ObjectNode properties = JsonNodeFactory.instance.objectNode();
        Map<String, String> extended = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.startsWith("@") || name.contains("@odata.")) {
                continue;
            }
            if (name.equals(EXTENDED_PROPERTIES)) {
                readExtended(value, extended);
                continue;
            }
            Type type = PROPERTIES.get(name);
            if (type == null) {
                throw GraphException.requestBodyRead("The property '" + name + "' does not exist on type 'microsoft.graph.contact'. "
                        + "Make sure to only use property names that are defined by the type or mark the type as open type.");
            }
            check(name, type, value);
            if (!SERVER_SET.contains(name)) {
                properties.set(name, value.deepCopy());
            }
        }
        return new ContactInput(properties, extended);
    }

    private static void readExtended(JsonNode value, Map<String, String> extended) {
        if (value.isNull()) {
            return;
        }
        if (!value.isArray()) {
            throw GraphException.requestBodyRead("'" + EXTENDED_PROPERTIES + "' must be a collection.");
        }
        for (JsonNode item : value) {
            JsonNode id = item.get("id");
            JsonNode itemValue = item.get("value");
            if (id == null || !id.isString() || !EXTENDED_PROPERTY_ID.matcher(id.stringValue()).matches()) {
                throw new GraphException(HttpStatus.BAD_REQUEST, "ErrorInvalidProperty",
                        "The extended property id '" + (id == null ? null : id.asString()) + "' is not valid.");
            }
            extended.put(id.stringValue(), itemValue == null || itemValue.isNull() ? null : itemValue.asString());
        }
    }

    private static void check(String name, Type type, JsonNode value) {
        if (value.isNull()) {
            return;
        }
        boolean ok = switch (type) {
            case STRING -> value.isString();
            case DATE_TIME -> value.isString() && isDateTime(value.stringValue());
            case STRING_COLLECTION -> value.isArray() && all(value, JsonNode::isString);
            case EMAIL_ADDRESS -> isComplex(value, EMAIL_ADDRESS_FIELDS);
            case EMAIL_ADDRESS_COLLECTION -> value.isArray() && all(value, v -> isComplex(v, EMAIL_ADDRESS_FIELDS));
            case PHYSICAL_ADDRESS -> isComplex(value, PHYSICAL_ADDRESS_FIELDS);
        };
        if (!ok) {
            throw GraphException.requestBodyRead("Cannot read the value of property '" + name + "' as " + type + ".");
        }
    }

    private static boolean all(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode item : array) {
            if (!test.test(item)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isComplex(JsonNode value, Set<String> fields) {
        if (!value.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            boolean annotation = field.getKey().startsWith("@");
            if (!annotation && (!fields.contains(field.getKey()) || !(field.getValue().isString() || field.getValue().isNull()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The value a read shows for a property that was never set. */
    static JsonNode unset(Type type) {
        return switch (type) {
            case STRING_COLLECTION, EMAIL_ADDRESS_COLLECTION -> JsonNodeFactory.instance.arrayNode();
            case PHYSICAL_ADDRESS -> JsonNodeFactory.instance.objectNode();
            default -> JsonNodeFactory.instance.nullNode();
        };
    }

    /**
     * A validated contact body: its properties and its single-value extended properties (id → value). A null
     * (JSON null, or a null extended property value) clears what an earlier version held.
     */
    public record ContactInput(ObjectNode properties, Map<String, String> extendedProperties) {

        static final ContactInput EMPTY = new ContactInput(JsonNodeFactory.instance.objectNode(), Map.of());

        /** This state with {@code change} applied as PATCH applies it: what is sent replaces, the rest stays. */
        ContactInput apply(ContactInput change) {
            ObjectNode merged = properties.deepCopy();
            for (Map.Entry<String, JsonNode> property : change.properties().properties()) {
                if (property.getValue().isNull()) {
                    merged.remove(property.getKey());
                } else {
                    merged.set(property.getKey(), property.getValue());
                }
            }
            Map<String, String> extended = new LinkedHashMap<>(extendedProperties);
            change.extendedProperties().forEach((id, value) -> {
                if (value == null) {
                    extended.remove(id);
                } else {
                    extended.put(id, value);
                }
            });
            return new ContactInput(merged, Collections.unmodifiableMap(extended));
        }
    }
}

package com.contactsync.contracts.schema;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEventHeaders;
import com.contactsync.contracts.cloudevents.InvalidEventException;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.org.apache.commons.validator.routines.DomainValidator;
import com.networknt.org.apache.commons.validator.routines.EmailValidator;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.format.EmailFormat;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks event {@code data} against the JSON Schema (draft 2020-12) of its {@code ce_type}: the schemas in
 * {@code schemas/<ce_type>.json} on the class path. All schemas are loaded and compiled once, when the class is
 * first used; validation is thread-safe.
 */
public final class ContractSchemas {

    /** The {@code $id} prefix of every schema; mapped to the class path so that no schema is ever fetched. */
    static final String ID_PREFIX = "https://contactsync.example/schemas/";
    static final String RESOURCE_DIR = "schemas/";

    /** Custom keyword holding a readable message for a rule whose own text would mean little to a person. */
    private static final String ERROR_MESSAGE_KEYWORD = "errorMessage";
    private static final int MAX_VALUE_CHARS = 40;
    private static final int MAX_REPORTED = 5;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    // The validator is built on Jackson 2, so the data is read into a Jackson 2 tree.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * "email" as the validator checks it (RFC 5321, domains on delegated top-level domains), plus the top-level
     * domains RFC 2606 reserves for tests and examples ({@code anna@mueller.example}), which its list leaves out.
     */
    private static final Format EMAIL = new EmailFormat(new EmailValidator(true, true, DomainValidator.getInstance(true,
            List.of(new DomainValidator.Item(DomainValidator.ArrayType.GENERIC_PLUS,
                    "example", "test", "invalid", "localhost")))));

    private static final Map<String, JsonSchema> SCHEMAS = load();

    private ContractSchemas() {
    }

    /**
     * The ways {@code json} breaks the schema of {@code ceType}, in the order the schema checks them; empty when valid.
     *
     * @throws InvalidEventException when {@code ceType} is not a known type, or {@code json} is missing or not JSON
     */
    public static List<SchemaViolation> validate(String ceType, byte[] json) {
        JsonSchema schema = SCHEMAS.get(ceType);
        if (schema == null) {
            throw new InvalidEventException(CloudEventHeaders.TYPE + " '" + ceType + "' is not a known event type");
        }
        return schema.validate(parse(json)).stream().map(ContractSchemas::violation).toList();
    }

    /**
     * Checks {@code json} against the schema of {@code ceType}.
     *
     * @throws InvalidEventException when it breaks it; the message names the first field path and rule, e.g.
     *                               {@code $.contact.email: "not-an-email" is not a valid email}
     */
    public static void requireValid(String ceType, byte[] json) {
        List<SchemaViolation> violations = validate(ceType, json);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(describe(violations));
        }
    }

    /** {@link #requireValid(String, byte[])} for a received event, its {@code data} still as JSON bytes. */
    public static void requireValid(CloudEvent<byte[]> event) {
        requireValid(event.type(), event.data());
    }

    /** The class-path resource holding the schema of a type. */
    public static String resource(String ceType) {
        return RESOURCE_DIR + ceType + ".json";
    }

    private static Map<String, JsonSchema> load() {
        JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV202012()).format(EMAIL).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(metaSchema)
                .schemaMappers(mappers -> mappers.mapPrefix(ID_PREFIX, "classpath:" + RESOURCE_DIR)));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                // Paths are rendered here as JSON paths (jsonPath); networknt's JSON-path rendering throws on a "" name.
                .pathType(PathType.JSON_POINTER)
                // In draft 2020-12 "format" only annotates unless assertions are switched on.
                .formatAssertionsEnabled(true)
                .errorMessageKeyword(ERROR_MESSAGE_KEYWORD)
                .build();
        return EventTypes.DATA_TYPES.keySet().stream().collect(Collectors.toUnmodifiableMap(type -> type, type -> {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(ID_PREFIX + type + ".json"), config);
            // Resolve every $ref now, so that a broken schema fails at start-up and the first message is not slow.
            schema.initializeValidators();
            return schema;
        }));
    }

    private static JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("data is missing: the record value is empty");
        }
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new InvalidEventException("data is not JSON: " + e.getOriginalMessage() + where, e);
        } catch (IOException e) {
            // Not expected from bytes in memory, but readTree declares it.
            throw new InvalidEventException("data is not readable: " + e.getMessage(), e);
        }
    }

    /** The violations as {@link #requireValid} reports them: the first five, first first, joined by {@code ; }. */
    public static String describe(List<SchemaViolation> violations) {
        String shown = violations.stream().limit(MAX_REPORTED).map(SchemaViolation::toString)
                .collect(Collectors.joining("; "));
        int more = violations.size() - MAX_REPORTED;
        return more > 0 ? shown + "; and " + more + " more" : shown;
    }

    private static SchemaViolation violation(ValidationMessage message) {
        String path = jsonPath(message.getInstanceLocation());
        Object[] args = message.getArguments();
        JsonNode value = message.getInstanceNode();
        String text = switch (message.getType()) {
            case "required" -> {
                path = jsonPath(message.getInstanceLocation().append(message.getProperty()));
                yield "is required";
            }
            case "additionalProperties", "unevaluatedProperties", "propertyNames" -> {
                path = jsonPath(message.getInstanceLocation().append(message.getProperty()));
                yield "is not a known property";
            }
            case "maxLength" -> "is " + length(value) + " characters long, at most " + args[0] + " allowed";
            case "minLength" -> "1".equals(String.valueOf(args[0]))
                    ? "must not be empty"
                    : "is " + length(value) + " characters long, at least " + args[0] + " required";
            case "format" -> quote(value) + " is not a valid " + args[0];
            case "enum" -> quote(value) + " is not one of " + String.join(", ", unbracket(args[0]));
            case "type", "unionType" -> "is " + article(value.getNodeType().name().toLowerCase(Locale.ROOT)) + ", expected "
                    + String.join(" or ", unbracket(args[1]));
            case "minimum" -> quote(value) + " is below the minimum " + args[0];
            case "const" -> quote(value) + " must be " + args[0];
            default -> withoutPath(message.getMessage());
        };
        return new SchemaViolation(path, rule(message.getType()), text);
    }

    /** The keyword, with the several ways of refusing an unknown property, and of checking a type, named as one. */
    private static String rule(String type) {
        return switch (type) {
            case "additionalProperties", "unevaluatedProperties", "propertyNames" -> "additionalProperties";
            case "unionType" -> "type";
            default -> type;
        };
    }

    /** {@code $.contact.email}, {@code $.operations[0]}, {@code $['odd name']}. */
    private static String jsonPath(JsonNodePath location) {
        StringBuilder path = new StringBuilder("$");
        for (int i = 0; i < location.getNameCount(); i++) {
            if (location.getElement(i) instanceof Integer index) {
                path.append('[').append(index).append(']');
            } else {
                String name = location.getName(i);
                if (PLAIN_NAME.matcher(name).matches()) {
                    path.append('.').append(name);
                } else {
                    path.append("['").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("']");
                }
            }
        }
        return path.toString();
    }

    private static int length(JsonNode value) {
        String text = value.asText();
        return text.codePointCount(0, text.length());
    }

    /** The value as JSON, cut short: it goes into a Kafka header and a log line, not into an archive. */
    private static String quote(JsonNode value) {
        String json = value.toString();
        return json.codePointCount(0, json.length()) <= MAX_VALUE_CHARS
                ? json
                : json.substring(0, json.offsetByCodePoints(0, MAX_VALUE_CHARS - 1)) + "…";
    }

    private static String article(String nodeType) {
        return "null".equals(nodeType) ? "null" : ("array".equals(nodeType) || "object".equals(nodeType) ? "an " : "a ") + nodeType;
    }

    /** networknt passes sets of names as their {@code toString()}: {@code [PERSON, COMPANY]}. */
    private static List<String> unbracket(Object names) {
        String text = String.valueOf(names);
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        return Arrays.stream(text.split(",")).map(String::strip).map(name -> name.replace("\"", "")).toList();
    }

    /** networknt's own messages start with the instance path, which the violation already carries. */
    private static String withoutPath(String text) {
        int colon = text.indexOf(": ");
        return colon < 0 ? text : text.substring(colon + 2);
    }
}

package com.contactsync.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.ContactFields;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;

/** The schema files themselves: one per type, well-formed draft 2020-12, and in step with the records. */
class SchemaFilesTest {

    private static final String DEFINITIONS = "common/definitions.v1.json";

    /** Draft 2020-12 keywords the schemas may use, so that a misspelt one ("maxLenght") cannot pass silently. */
    private static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$ref", "$defs", "title", "description",
            "type", "enum", "const", "properties", "required", "additionalProperties", "propertyNames", "items",
            "maxLength", "minLength", "pattern", "format", "minimum", "anyOf", "allOf", "if", "then", "examples",
            "errorMessage");

    static Stream<String> types() {
        return EventTypes.DATA_TYPES.keySet().stream().sorted();
    }

    @Test
    void everyTypeHasASchemaFileAndEveryFileAType() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:schemas/*.json");

        assertThat(Stream.of(files).map(file -> file.getFilename().replaceFirst("\\.json$", "")))
                .containsExactlyInAnyOrderElementsOf(EventTypes.DATA_TYPES.keySet());
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaIsDraft202012WithIdTitleAndDescription(String type) {
        String text = read(ContractSchemas.resource(type));
        JsonNode schema = EventJson.mapper().readTree(text);

        assertThat(metaSchema().validate(text, InputFormat.JSON)).isEmpty();
        assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asString()).isEqualTo(ContractSchemas.ID_PREFIX + type + ".json");
        assertThat(schema.path("title").asString()).isNotBlank();
        assertThat(schema.path("description").asString()).contains(type);
        assertOnlyKnownKeywords(schema, type);
    }

    @Test
    void sharedDefinitionsAreDraft202012() {
        String text = read(ContractSchemas.RESOURCE_DIR + DEFINITIONS);

        assertThat(metaSchema().validate(text, InputFormat.JSON)).isEmpty();
        assertThat(EventJson.mapper().readTree(text).path("$id").asString()).isEqualTo(ContractSchemas.ID_PREFIX + DEFINITIONS);
        assertOnlyKnownKeywords(EventJson.mapper().readTree(text), DEFINITIONS);
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaDeclaresExactlyTheFieldsOfItsRecords(String type) {
        JsonNode schema = EventJson.mapper().readTree(read(ContractSchemas.resource(type)));

        assertSameFields(EventTypes.DATA_TYPES.get(type), new Located(schema, schema), type);
    }

    @Test
    void requestsAllowExactlyTheContactFields() {
        JsonNode definitions = EventJson.mapper().readTree(read(ContractSchemas.RESOURCE_DIR + DEFINITIONS));
        List<String> allowed = definitions.at("/$defs/contactFieldName/enum").values().stream().map(JsonNode::asString).toList();

        assertThat(allowed).containsExactlyElementsOf(
                Stream.of(ContactFields.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    /** A schema node and the document its relative {@code $ref}s resolve in. */
    private record Located(JsonNode node, JsonNode document) {
    }

    private static void assertSameFields(Class<?> record, Located schema, String where) {
        Map<String, Located> properties = properties(schema);
        assertThat(properties.keySet()).as(where)
                .containsExactlyInAnyOrderElementsOf(Stream.of(record.getRecordComponents()).map(RecordComponent::getName).toList());
        for (RecordComponent component : record.getRecordComponents()) {
            Located property = properties.get(component.getName());
            if (component.getType().isRecord()) {
                assertSameFields(component.getType(), property, where + "." + component.getName());
            } else if (component.getType() == List.class
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                assertSameFields(element, new Located(property.node().get("items"), property.document()),
                        where + "." + component.getName() + "[]");
            }
        }
    }

    /** The properties a schema declares itself and through {@code $ref}, {@code allOf} and {@code anyOf}. */
    private static Map<String, Located> properties(Located schema) {
        Map<String, Located> properties = new LinkedHashMap<>();
        JsonNode ref = schema.node().get("$ref");
        if (ref != null) {
            properties.putAll(properties(resolve(ref.asString(), schema.document())));
        }
        for (String combinator : List.of("allOf", "anyOf")) {
            schema.node().path(combinator).values().forEach(branch -> properties.putAll(properties(new Located(branch, schema.document()))));
        }
        schema.node().path("properties").properties()
                .forEach(p -> properties.putIfAbsent(p.getKey(), new Located(p.getValue(), schema.document())));
        return properties;
    }

    private static Located resolve(String ref, JsonNode document) {
        String[] parts = ref.split("#", 2);
        JsonNode target = parts[0].isEmpty() ? document : EventJson.mapper().readTree(read(ContractSchemas.RESOURCE_DIR + parts[0]));
        return new Located(target.at(parts[1]), target);
    }

    private static void assertOnlyKnownKeywords(JsonNode schema, String where) {
        schema.properties().forEach(keyword -> {
            assertThat(KEYWORDS).as(where).contains(keyword.getKey());
            JsonNode value = keyword.getValue();
            switch (keyword.getKey()) {
                case "properties", "$defs" -> value.properties().forEach(p -> assertOnlyKnownKeywords(p.getValue(), where + "/" + p.getKey()));
                case "allOf", "anyOf" -> value.values().forEach(branch -> assertOnlyKnownKeywords(branch, where));
                case "items", "if", "then", "propertyNames" -> assertOnlyKnownKeywords(value, where + "/" + keyword.getKey());
                default -> {
                }
            }
        });
    }

    private static JsonSchema metaSchema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    }

    private static String read(String resource) {
        try (InputStream in = SchemaFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

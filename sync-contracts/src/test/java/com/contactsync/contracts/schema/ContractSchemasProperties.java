package com.contactsync.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Samples;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.cloudevents.InvalidEventException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a producer sends, the validator answers with violations or an {@link InvalidEventException}, nothing else. */
class ContractSchemasProperties {

    @Property(tries = 2000)
    void randomTextNeverFailsOtherwise(@ForAll("types") String type, @ForAll("text") String text) {
        assertValidatesOrRefuses(type, text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void randomBytesNeverFailOtherwise(@ForAll("types") String type, @ForAll("bytes") byte[] data) {
        assertValidatesOrRefuses(type, data);
    }

    @Property(tries = 2000)
    void randomJsonNeverFailsOtherwise(@ForAll("types") String type, @ForAll("json") Object json) {
        assertValidatesOrRefuses(type, EventJson.write(json));
    }

    /** Valid data cut short or with a character replaced: what a broken producer or a bad copy-paste sends. */
    @Property(tries = 2000)
    void damagedValidDataNeverFailsOtherwise(@ForAll("types") String type, @ForAll("fraction") double where,
                                             @ForAll char replacement, @ForAll boolean truncate) {
        String json = new String(EventJson.write(Samples.byType().get(type)), StandardCharsets.UTF_8);
        int at = (int) (where * json.length());
        String damaged = truncate ? json.substring(0, at) : json.substring(0, at) + replacement + json.substring(Math.min(at + 1, json.length()));

        assertValidatesOrRefuses(type, damaged.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertValidatesOrRefuses(String type, byte[] data) {
        List<SchemaViolation> violations;
        try {
            violations = ContractSchemas.validate(type, data);
        } catch (InvalidEventException refused) {
            assertThat(refused.getMessage()).startsWith("data is ");
            return;
        }
        assertThat(violations).allSatisfy(violation -> {
            assertThat(violation.path()).startsWith("$");
            assertThat(violation.message()).isNotBlank();
        });
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of(EventTypes.DATA_TYPES.keySet());
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ truefalsn\\u").ofMaxLength(60));
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<Object> json() {
        return Arbitraries.recursive(this::leaf, this::container, 0, 4);
    }

    private Arbitrary<Object> container(Arbitrary<Object> inner) {
        return Arbitraries.<Object>oneOf(inner.list().ofMaxSize(4), Arbitraries.maps(keys(), inner).ofMaxSize(6));
    }

    private Arbitrary<Object> leaf() {
        return Arbitraries.<Object>oneOf(
                        Arbitraries.strings().ofMaxLength(120),
                        Arbitraries.of("CT000123", "ct 1", "anna@contoso.com", "not-an-email", "PERSON", "UPSERT", "FULL",
                                "2025-03-14T09:26:53Z", "yesterday"),
                        Arbitraries.longs(),
                        Arbitraries.doubles(),
                        Arbitraries.of(true, false))
                .injectNull(0.1);
    }

    /** Property names the schemas know, so that generated objects get past the first checks, and some they do not. */
    private Arbitrary<String> keys() {
        List<String> known = EventTypes.DATA_TYPES.values().stream()
                .flatMap(type -> Arrays.stream(type.getRecordComponents())).map(RecordComponent::getName)
                .distinct().toList();
        return Arbitraries.oneOf(Arbitraries.of(Stream.concat(known.stream(), Stream.of("email", "action")).toList()),
                Arbitraries.strings().alpha().ofMaxLength(8));
    }
}

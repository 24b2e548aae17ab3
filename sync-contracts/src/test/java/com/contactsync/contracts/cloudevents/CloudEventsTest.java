package com.contactsync.contracts.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Samples;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.schema.ContractSchemas;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class CloudEventsTest {

    private static final String SOURCE = "/contact-service";
    private static final String RECEIVED_KEY = "kafka_receivedMessageKey";

    static Stream<Arguments> samples() {
        return Samples.byType().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void messageRoundTripGivesTheSameEvent(String type, Object data) {
        CloudEvent<Object> event = CloudEvents.create(SOURCE, type, "CT000123", data);

        CloudEvent<byte[]> raw = CloudEvents.fromMessage(CloudEvents.toMessage(event));

        ContractSchemas.requireValid(raw);
        assertThat(CloudEvents.decode(raw, EventTypes.DATA_TYPES.get(type))).isEqualTo(event);
    }

    @Test
    void headersAsKafkaDeliversThemAreRead() {
        CloudEvent<ContactSnapshot> event =
                CloudEvents.create(SOURCE, EventTypes.CONTACT_UPSERTED, "CT000123", Samples.snapshot());

        CloudEvent<byte[]> raw = CloudEvents.fromMessage(asReceived(CloudEvents.toMessage(event)));

        assertThat(CloudEvents.decode(raw, ContactSnapshot.class)).isEqualTo(event);
    }

    @Test
    void headersCarryTheEventsAttributes() {
        CloudEvent<ContactSnapshot> event =
                CloudEvents.create(SOURCE, EventTypes.CONTACT_UPSERTED, "CT000123", Samples.snapshot());

        assertThat(CloudEvents.headers(event)).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", event.id()),
                Map.entry("ce_source", SOURCE),
                Map.entry("ce_type", EventTypes.CONTACT_UPSERTED),
                Map.entry("ce_time", event.time().toString()),
                Map.entry("content-type", "application/json"));
    }

    static Stream<Arguments> brokenHeaders() {
        return Stream.of(
                Arguments.of("ce_specversion", null, "header ce_specversion is missing"),
                Arguments.of("ce_specversion", "0.3", "ce_specversion must be 1.0 but is '0.3'"),
                Arguments.of("ce_id", null, "header ce_id is missing"),
                Arguments.of("ce_id", " ", "header ce_id is missing"),
                Arguments.of("ce_source", null, "header ce_source is missing"),
                Arguments.of("ce_type", null, "header ce_type is missing"),
                Arguments.of("ce_time", null, "header ce_time is missing"),
                Arguments.of("ce_time", "yesterday", "ce_time is not an RFC 3339 timestamp: 'yesterday'"),
                Arguments.of("content-type", "text/plain", "content-type must be application/json but is 'text/plain'"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("brokenHeaders")
    void missingOrWrongHeaderIsRefusedNamingIt(String header, String value, String reason) {
        Map<String, Object> headers = receivedHeaders();
        if (value == null) {
            headers.remove(header);
        } else {
            headers.put(header, value.getBytes(StandardCharsets.UTF_8));
        }
        Message<byte[]> message = MessageBuilder.withPayload(EventJson.write(Samples.snapshot())).copyHeaders(headers).build();

        assertThatThrownBy(() -> CloudEvents.fromMessage(message))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage(reason);
    }

    @Test
    void unknownTypeIsRefusedNamingTheHeader() {
        Map<String, Object> headers = receivedHeaders();
        headers.put("ce_type", "contactsync.contact.merged.v1".getBytes(StandardCharsets.UTF_8));
        CloudEvent<byte[]> raw = CloudEvents.fromMessage(
                MessageBuilder.withPayload(EventJson.write(Samples.snapshot())).copyHeaders(headers).build());

        assertThatThrownBy(() -> ContractSchemas.requireValid(raw))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("ce_type 'contactsync.contact.merged.v1' is not a known event type");
    }

    @Test
    void dataOfAnotherTypeIsRefusedWhenDecoded() {
        Map<String, Object> headers = receivedHeaders();
        CloudEvent<byte[]> raw = CloudEvents.fromMessage(
                MessageBuilder.withPayload("{\"no\":\"CT1\",\"version\":\"seven\"}".getBytes(StandardCharsets.UTF_8))
                        .copyHeaders(headers).build());

        assertThatThrownBy(() -> CloudEvents.decode(raw, ContactSnapshot.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("data is not a valid ContactSnapshot");
    }

    /** The headers of a valid upserted event as a Kafka consumer gets them: every value as bytes. */
    private static Map<String, Object> receivedHeaders() {
        CloudEvent<ContactSnapshot> event =
                CloudEvents.create(SOURCE, EventTypes.CONTACT_UPSERTED, "CT000123", Samples.snapshot());
        return new LinkedHashMap<>(asReceived(CloudEvents.toMessage(event)).getHeaders());
    }

    /** What Spring Kafka hands a consumer: header values and the key as raw bytes, the key under its received name. */
    private static Message<byte[]> asReceived(Message<byte[]> sent) {
        MessageBuilder<byte[]> received = MessageBuilder.withPayload(sent.getPayload());
        CloudEvents.headers(CloudEvents.fromMessage(sent))
                .forEach((name, value) -> received.setHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        received.setHeader(RECEIVED_KEY, sent.getHeaders().get(CloudEvents.KAFKA_KEY_HEADER));
        return received.build();
    }
}

package com.contactsync.contracts.cloudevents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Reads and writes CloudEvents in Kafka binary mode, both as Spring messages (Spring Cloud Stream functions)
 * and as plain header maps (for producers that build Kafka records themselves, like the outbox relay).
 */
public final class CloudEvents {

    /** Spring Kafka's header for the record key ({@code KafkaHeaders.KEY}); named here to keep Kafka off this module. */
    public static final String KAFKA_KEY_HEADER = "kafka_messageKey";
    private static final String RECEIVED_KEY_HEADER = "kafka_receivedMessageKey";

    private CloudEvents() {
    }

    /** A new event with a fresh random id and the current time. */
    public static <T> CloudEvent<T> create(String source, String type, String key, T data) {
        return new CloudEvent<>(UUID.randomUUID().toString(), source, type, Instant.now(), key, data);
    }

    /** The {@code ce_*} and {@code content-type} headers of an event, as the Kafka header values (UTF-8 strings). */
    public static Map<String, String> headers(CloudEvent<?> event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPECVERSION_VALUE);
        headers.put(CloudEventHeaders.ID, event.id());
        headers.put(CloudEventHeaders.SOURCE, event.source());
        headers.put(CloudEventHeaders.TYPE, event.type());
        headers.put(CloudEventHeaders.TIME, event.time().toString());
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    /** A Spring message whose payload is the JSON data and whose headers carry the event's attributes and key. */
    public static Message<byte[]> toMessage(CloudEvent<?> event) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(EventJson.write(event.data()));
        headers(event).forEach(builder::setHeader);
        if (event.key() != null) {
            builder.setHeader(KAFKA_KEY_HEADER, event.key().getBytes(StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    /**
     * The event in a received message, with {@code data} still as JSON bytes; checks every required attribute.
     *
     * @throws InvalidEventException naming the first header that is missing or wrong
     */
    public static CloudEvent<byte[]> fromMessage(Message<?> message) {
        MessageHeaders headers = message.getHeaders();
        Map<String, Object> values = new LinkedHashMap<>(headers);
        String specversion = required(values, CloudEventHeaders.SPECVERSION);
        if (!CloudEventHeaders.SPECVERSION_VALUE.equals(specversion)) {
            throw new InvalidEventException(CloudEventHeaders.SPECVERSION + " must be 1.0 but is '" + specversion + "'");
        }
        String contentType = text(values.get(CloudEventHeaders.CONTENT_TYPE));
        if (contentType == null) {
            contentType = text(values.get(MessageHeaders.CONTENT_TYPE));
        }
        if (contentType != null && !contentType.startsWith(CloudEventHeaders.JSON)) {
            throw new InvalidEventException("content-type must be application/json but is '" + contentType + "'");
        }
        String time = required(values, CloudEventHeaders.TIME);
        Instant instant;
        try {
            instant = Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(CloudEventHeaders.TIME + " is not an RFC 3339 timestamp: '" + time + "'", e);
        }
        Object payload = message.getPayload();
        byte[] data;
        if (payload instanceof byte[] bytes) {
            data = bytes;
        } else if (payload instanceof String string) {
            data = string.getBytes(StandardCharsets.UTF_8);
        } else {
            throw new InvalidEventException("record value must be JSON bytes, got " + payload.getClass().getName());
        }
        Object key = values.containsKey(RECEIVED_KEY_HEADER) ? values.get(RECEIVED_KEY_HEADER) : values.get(KAFKA_KEY_HEADER);
        return new CloudEvent<>(
                required(values, CloudEventHeaders.ID),
                required(values, CloudEventHeaders.SOURCE),
                required(values, CloudEventHeaders.TYPE),
                instant,
                text(key),
                data);
    }

    /** Decodes the JSON data of a received event into the record registered for its type. */
    public static <T> CloudEvent<T> decode(CloudEvent<byte[]> raw, Class<T> dataType) {
        return new CloudEvent<>(raw.id(), raw.source(), raw.type(), raw.time(), raw.key(),
                EventJson.read(raw.data(), dataType));
    }

    private static String required(Map<String, Object> headers, String name) {
        String value = text(headers.get(name));
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("header " + name + " is missing");
        }
        return value;
    }

    /** Header values arrive as bytes from Kafka and as strings from in-memory messages. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}

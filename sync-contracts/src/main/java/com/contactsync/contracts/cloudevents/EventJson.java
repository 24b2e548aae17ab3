package com.contactsync.contracts.cloudevents;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapping of event data, shared by producers and consumers so both sides agree. */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // Newer producers may add fields; older consumers must still read the event.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private EventJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object data) {
        return MAPPER.writeValueAsBytes(data);
    }

    public static <T> T read(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new InvalidEventException("data is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidEventException("data is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}

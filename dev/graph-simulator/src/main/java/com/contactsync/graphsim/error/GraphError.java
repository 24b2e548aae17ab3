package com.contactsync.graphsim.error;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Graph's error JSON: {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}. */
public record GraphError(Error error) {

    public record Error(String code, String message, InnerError innerError) {
    }

    public record InnerError(
            String date,
            @JsonProperty("request-id") String requestId,
            @JsonProperty("client-request-id") String clientRequestId) {
    }
}

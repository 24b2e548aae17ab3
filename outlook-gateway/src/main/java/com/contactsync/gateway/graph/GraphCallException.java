package com.contactsync.gateway.graph;

/** A Graph request failed for good: not throttled any more, no attempts or time left, or it cannot succeed at all. */
public class GraphCallException extends RuntimeException {

    private final transient GraphFailure failure;

    GraphCallException(GraphFailure failure, Throwable cause) {
        super(failure.reason(), cause);
        this.failure = failure;
    }

    public GraphFailure failure() {
        return failure;
    }
}

package com.contactsync.kit.startup;

import java.time.Duration;

/** No Kafka broker answered at start-up. */
public class KafkaUnreachableException extends IllegalStateException {

    private final String bootstrapServers;

    public KafkaUnreachableException(String bootstrapServers, Duration timeout, Throwable cause) {
        super("Kafka is unreachable at " + bootstrapServers + " (no answer within " + timeout + ")", cause);
        this.bootstrapServers = bootstrapServers;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}

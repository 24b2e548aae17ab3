package com.contactsync.contracts;

import java.util.List;

/** Kafka topic names: a fixed contract shared with other systems (DESIGN.md, "Kafka contracts"). */
public final class Topics {

    public static final String BC_CONTACT_EVENTS = "bc.contact.events.v1";
    public static final String BC_CONTACT_REQUESTS = "bc.contact.requests.v1";
    public static final String SYNC_TRIGGERS = "sync.triggers.v1";
    public static final String OUTLOOK_COMMANDS = "outlook.commands.v1";
    public static final String OUTLOOK_EVENTS = "outlook.events.v1";

    /** Every topic the system owns, without their dead-letter twins. */
    public static final List<String> ALL =
            List.of(BC_CONTACT_EVENTS, BC_CONTACT_REQUESTS, SYNC_TRIGGERS, OUTLOOK_COMMANDS, OUTLOOK_EVENTS);

    /** Key of a {@link #SYNC_TRIGGERS} record that addresses every enabled user. */
    public static final String ALL_USERS_KEY = "*";

    private Topics() {
    }

    /** The dead-letter twin of a topic. */
    public static String dlq(String topic) {
        return topic + ".dlq";
    }
}

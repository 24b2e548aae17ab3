package com.contactsync.kit.inbox;

import com.contactsync.contracts.cloudevents.InvalidEventException;

/**
 * A well-formed event that a handler refuses for good (a rule of the service, a version conflict): dead-lettered at
 * once like any invalid event, and counted under its own {@code reason}.
 */
public class EventRefusedException extends InvalidEventException {

    private final String reason;

    /**
     * @param reason  a fixed code for the metric's {@code reason} tag ({@code version_conflict}), never data
     * @param message why, for a person; the dead letter's {@code x-error-reason}
     */
    public EventRefusedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}

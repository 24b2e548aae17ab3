package com.contactsync.contracts.cloudevents;

/**
 * A record that is not a valid event of the system: missing or wrong {@code ce_*} headers, unknown type,
 * unreadable or invalid {@code data}. Retrying cannot help; consumers dead-letter it with this message as reason.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.contactsync.contracts.schema;

/**
 * One way in which event data breaks its JSON Schema.
 *
 * @param path where, as a JSON path into the data: {@code $.contact.email}, {@code $.operations[2].contactNo}
 * @param message what is wrong there, for a person: {@code "not-an-email" is not a valid email}
 */
public record SchemaViolation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}

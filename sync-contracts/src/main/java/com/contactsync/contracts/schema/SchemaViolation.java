package com.contactsync.contracts.schema;

/**
 * One way in which event data breaks its JSON Schema.
 *
 * @param path where, as a JSON path into the data: {@code $.contact.email}, {@code $.operations[2].contactNo}
 * @param rule the JSON Schema keyword it breaks, for programs ({@code required}, {@code maxLength}, {@code format},
 *             {@code pattern}, {@code enum}, {@code type}, ...); an unknown property is {@code additionalProperties}
 * @param message what is wrong there, for a person: {@code "not-an-email" is not a valid email}
 */
public record SchemaViolation(String path, String rule, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}

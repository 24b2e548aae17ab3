package com.contactsync.gateway.graph;

/** OData URL syntax the gateway writes into {@code $filter}. */
final class OData {

    private OData() {
    }

    /** A string literal: single quotes, a quote inside written twice. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}

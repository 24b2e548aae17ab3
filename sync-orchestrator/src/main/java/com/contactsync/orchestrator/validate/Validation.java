package com.contactsync.orchestrator.validate;

import java.util.List;

/** What {@code POST .../contact-sync/validate} answers: every check, each with a message a person can act on. */
public record Validation(boolean ok, List<Check> checks) {

    public record Check(String name, boolean ok, String message) {
    }
}

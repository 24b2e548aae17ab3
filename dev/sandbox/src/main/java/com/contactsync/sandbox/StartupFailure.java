package com.contactsync.sandbox;

import java.nio.file.Path;

/** A part of the sandbox failed to start; carries the end of its log for the person at the terminal. */
final class StartupFailure extends RuntimeException {

    private static final int TAIL_LINES = 40;

    private final transient Path log;
    private final String tail;

    StartupFailure(Child child, String reason) {
        this(child.name(), child.log(), reason, null);
    }

    StartupFailure(String name, Path log, String reason, Throwable cause) {
        super(name + " " + reason, cause);
        this.log = log;
        this.tail = Child.tail(log, TAIL_LINES);
    }

    Path log() {
        return log;
    }

    String tail() {
        return tail;
    }
}

package com.contactsync.testinfra;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Decides where the infrastructure comes from. The settings and the Docker probe are passed in, so the rules can be
 * tested without touching the real environment.
 *
 * @param mode   the chosen mode
 * @param reason why, for the log
 */
record ModeSelection(Mode mode, String reason) {

    static final String FORCED_MODE = "CONTACTSYNC_TEST_INFRA";
    static final String KAFKA_BOOTSTRAP = "CONTACTSYNC_KAFKA_BOOTSTRAP";
    static final String JDBC_URL = "CONTACTSYNC_JDBC_URL";
    static final String JDBC_USER = "CONTACTSYNC_JDBC_USER";
    static final String JDBC_PASSWORD = "CONTACTSYNC_JDBC_PASSWORD";

    /** A system property wins over the environment variable of the same name, so one Maven run can override it. */
    static Function<String, String> systemSettings() {
        return name -> System.getProperty(name, System.getenv(name));
    }

    static ModeSelection select(Function<String, String> settings, BooleanSupplier dockerAnswers) {
        boolean kafkaSet = isSet(settings, KAFKA_BOOTSTRAP);
        boolean jdbcSet = isSet(settings, JDBC_URL);
        String forced = settings.apply(FORCED_MODE);
        if (forced != null && !forced.isBlank()) {
            Mode mode = parse(forced);
            if (mode == Mode.EXTERNAL && !(kafkaSet && jdbcSet)) {
                throw new IllegalStateException(FORCED_MODE + "=" + forced + " needs both " + KAFKA_BOOTSTRAP
                        + " and " + JDBC_URL + " to be set");
            }
            if (mode == Mode.TESTCONTAINERS && !dockerAnswers.getAsBoolean()) {
                throw new IllegalStateException(FORCED_MODE + "=" + forced
                        + " but no Docker engine answers; start one or choose embedded");
            }
            return new ModeSelection(mode, FORCED_MODE + "=" + forced);
        }
        // Half an external setup is a mistake; falling back silently would test against something else.
        if (kafkaSet != jdbcSet) {
            throw new IllegalStateException("Set both " + KAFKA_BOOTSTRAP + " and " + JDBC_URL
                    + " for external infrastructure, or neither; only " + (kafkaSet ? KAFKA_BOOTSTRAP : JDBC_URL)
                    + " is set");
        }
        if (kafkaSet) {
            return new ModeSelection(Mode.EXTERNAL, KAFKA_BOOTSTRAP + " and " + JDBC_URL + " are set");
        }
        if (dockerAnswers.getAsBoolean()) {
            return new ModeSelection(Mode.TESTCONTAINERS, "a Docker engine answers");
        }
        return new ModeSelection(Mode.EMBEDDED, "no external infrastructure is configured and no Docker engine answers");
    }

    private static boolean isSet(Function<String, String> settings, String name) {
        String value = settings.apply(name);
        return value != null && !value.isBlank();
    }

    private static Mode parse(String forced) {
        try {
            return Mode.valueOf(forced.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FORCED_MODE + "=" + forced + " is not one of "
                    + Arrays.toString(Mode.values()).toLowerCase(Locale.ROOT), e);
        }
    }
}

package com.contactsync.bench;

import java.time.Duration;

/**
 * The sizes of one benchmark run. {@code full} is the run the DESIGN targets speak of; {@code smoke} proves in the
 * normal build that every scenario still produces its numbers.
 *
 * @param jvmOptions     the services' JVM options: null keeps the sandbox's quick-start ones, "" the JVM defaults
 * @param throttleWindow the per-mailbox window of the throttled scenario, before {@code timeScale}
 */
record Profile(String name, String jvmOptions, int pipelineUsers, int pipelineContacts, int latencyRate,
               int latencySeconds, int noopChanges, int throttledContacts, int throttleRequests,
               Duration throttleWindow, double timeScale, Duration timeout) {

    static Profile named(String name) {
        return switch (name) {
            case "full" -> new Profile("full", "", 20, 500, 100, 30, 200, 10_000, 10_000, Duration.ofMinutes(10),
                    20, Duration.ofMinutes(15));
            // A fifth of the full run, window included, for a machine that cannot give it 20 minutes
            case "medium" -> new Profile("medium", "", 20, 100, 100, 10, 50, 2_000, 2_000, Duration.ofMinutes(10),
                    20, Duration.ofMinutes(10));
            // Graph's window shrunk so that the smoke's few contacts still meet the limit
            case "smoke" -> new Profile("smoke", null, 2, 20, 10, 3, 5, 60, 40, Duration.ofSeconds(10), 10,
                    Duration.ofMinutes(2));
            default -> throw new IllegalArgumentException("no benchmark profile '" + name + "' (full, medium, smoke)");
        };
    }
}

package com.contactsync.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The sizes of one benchmark run. {@code full} is the run the DESIGN targets speak of; {@code smoke} proves in the
 * normal build that every scenario still produces its numbers.
 *
 * @param jvmOptions     the services' JVM options: null for the sandbox's quick-start ones, "" the JVM defaults
 * @param throttleWindow the per-mailbox window of the throttled scenario, before {@code timeScale}
 * @param scenarios      the scenarios to run; empty for all of them
 */
record Profile(String name, String jvmOptions, int pipelineUsers, int pipelineContacts, int latencyRate,
               int latencySeconds, int noopChanges, int throttledContacts, int throttleRequests,
               Duration throttleWindow, double timeScale, Duration timeout, Set<String> scenarios) {

    /**
     * The services' JVM options of the full and medium runs: heaps capped as a container limit would, so that RSS
     * measures the services rather than the JVM's default sizing (a quarter of the machine's memory); C2 stays on,
     * as in production.
     */
    static final String MEASURED_JVM_OPTIONS = "-Xms64m -Xmx256m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m"
            + " -XX:MaxDirectMemorySize=64m -Xss512k -XX:+UseSerialGC";
    /** The sandbox's own quick-start options ({@code bin/sandbox --help}), for the smoke run. */
    static final String QUICK_START_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    static final Set<String> SCENARIOS = Set.of("pipeline", "latency", "economy", "throttled");

    static Profile named(String name) {
        return switch (name) {
            case "full" -> new Profile("full", MEASURED_JVM_OPTIONS, 20, 500, 100, 30, 200, 10_000, 10_000,
                    Duration.ofMinutes(10), 20, Duration.ofMinutes(15), Set.of());
            // A fifth of the full run, window included, for a machine that cannot give it 20 minutes
            case "medium" -> new Profile("medium", MEASURED_JVM_OPTIONS, 20, 100, 100, 10, 50, 2_000, 2_000,
                    Duration.ofMinutes(10), 20, Duration.ofMinutes(10), Set.of());
            // Graph's window shrunk so that the smoke's few contacts still meet the limit
            case "smoke" -> new Profile("smoke", null, 2, 20, 10, 3, 5, 60, 40, Duration.ofSeconds(10), 10,
                    Duration.ofMinutes(2), Set.of());
            default -> throw new IllegalArgumentException("no benchmark profile '" + name + "' (full, medium, smoke)");
        };
    }

    /**
     * Only some scenarios (a comma-separated list, for measuring one fix at a time); economy changes the latency
     * scenario's contacts, so it brings latency along.
     */
    Profile only(String list) {
        Set<String> chosen = new LinkedHashSet<>(Arrays.stream(list.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList());
        chosen.forEach(s -> {
            if (!SCENARIOS.contains(s)) {
                throw new IllegalArgumentException("no benchmark scenario '" + s + "' " + SCENARIOS);
            }
        });
        if (chosen.contains("economy")) {
            chosen.add("latency");
        }
        return new Profile(name, jvmOptions, pipelineUsers, pipelineContacts, latencyRate, latencySeconds, noopChanges,
                throttledContacts, throttleRequests, throttleWindow, timeScale, timeout, Set.copyOf(chosen));
    }

    /** Other JVM options for the services, e.g. "" for the JVM's defaults. */
    Profile withJvmOptions(String options) {
        return new Profile(name, options, pipelineUsers, pipelineContacts, latencyRate, latencySeconds, noopChanges,
                throttledContacts, throttleRequests, throttleWindow, timeScale, timeout, scenarios);
    }

    /**
     * What the services start with: {@link #jvmOptions} and the gateway's per-mailbox limits time-scaled like the
     * simulator's in the throttled scenario (docs/outlook-gateway.md: divide the window by {@code timeScale}).
     * Unscaled, the gateway counts a 10-minute window in real time and refuses the requests beyond its 10,000 for
     * longer than {@code max-wait}: the last batch of a 10,000-contact full sync failed although Graph refused nothing.
     */
    String serviceJvmOptions() {
        long windowMillis = Math.round(throttleWindow.toMillis() / timeScale);
        return (jvmOptions == null ? QUICK_START_JVM_OPTIONS : jvmOptions)
                + " -Dcontactsync.graph.limits.window=" + windowMillis + "ms"
                + " -Dcontactsync.graph.limits.requests-per-window=" + throttleRequests;
    }

    boolean runs(String scenario) {
        return scenarios.isEmpty() || scenarios.contains(scenario);
    }
}

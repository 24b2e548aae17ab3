package com.contactsync.bench;

import java.nio.file.Path;

/**
 * {@code bin/bench [full|medium|smoke]} ({@code BENCH_SCENARIOS=pipeline,latency} for some scenarios only,
 * {@code BENCH_JVM_OPTIONS} for other service JVM options): starts the system, runs every scenario, writes the report to
 * {@code dev/bench/reports/<timestamp>-<profile>/} and {@code dev/bench/reports/latest/}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        // Kafka's admin client chatter belongs in no report
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        System.setProperty("java.awt.headless", "true");
        Profile profile = Profile.named(args.length > 0 ? args[0] : System.getProperty("bench.profile", "full"));
        String scenarios = System.getenv("BENCH_SCENARIOS");
        if (scenarios != null && !scenarios.isBlank()) {
            profile = profile.only(scenarios);
        }
        String jvmOptions = System.getenv("BENCH_JVM_OPTIONS");
        if (jvmOptions != null) {
            profile = profile.withJvmOptions(jvmOptions);
        }
        Path root = Path.of(System.getProperty("contactsync.bench.root", ".")).toAbsolutePath().normalize();
        Results results = new Benchmark(profile, System.out::println).run(root);
        Path dir = Report.write(results, root.resolve("dev/bench/reports"));
        System.out.println("[bench] report: " + dir.resolve(Report.MARKDOWN));
        results.figures.forEach(f -> System.out.printf("[bench] %-10s %-60s %12.3f %s%n", f.scenario(), f.name(),
                f.value(), f.unit()));
    }
}

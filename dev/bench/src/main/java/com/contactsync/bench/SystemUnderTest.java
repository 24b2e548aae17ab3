package com.contactsync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole system as {@code bin/sandbox --no-demo --ports auto} starts it (Kafka, PostgreSQL, the simulator and the
 * four services, each its own process), found from the launcher's output; closing it sends SIGTERM, on which the
 * launcher stops everything in order.
 */
final class SystemUnderTest implements AutoCloseable {

    static final List<String> SERVICES = List.of("contact-service", "sync-orchestrator", "outlook-gateway",
            "scheduler-service", "graph-simulator");

    private static final Pattern STARTED = Pattern.compile("\\[sandbox] started (\\S+) pid=(\\d+) ");
    private static final Pattern READY = Pattern.compile("\\[sandbox] (\\S+) is ready on (\\S+)");
    private static final Pattern UP = Pattern.compile("sandbox is up in ([0-9.]+) s");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final Process launcher;
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final List<String> output = new ArrayList<>();
    private final CompletableFuture<Double> up = new CompletableFuture<>();
    /** Ctrl-C of the benchmark must not leave the system running: the launcher stops it on SIGTERM. */
    private final Thread stopOnExit;

    private SystemUnderTest(Process launcher, Consumer<String> log) {
        this.launcher = launcher;
        this.stopOnExit = new Thread(this::stop, "bench-stop-system");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Thread reader = new Thread(() -> read(log), "bench-sandbox-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the system; {@code jvmOptions} null keeps the sandbox's quick-start options, "" the JVM defaults. */
    static SystemUnderTest start(Path root, String jvmOptions, Consumer<String> log) {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/sandbox").toString(), "--no-demo",
                "--ports", "auto"));
        if (jvmOptions != null) {
            command.addAll(List.of("--jvm-options", jvmOptions));
        }
        try {
            SystemUnderTest system = new SystemUnderTest(new ProcessBuilder(command).redirectErrorStream(true)
                    .directory(root.toFile()).start(), log);
            system.awaitUp();
            return system;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(Consumer<String> log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                log.accept(line);
                synchronized (this) {
                    output.add(line);
                    Matcher m = STARTED.matcher(line);
                    if (m.find()) {
                        pids.put(m.group(1), Long.parseLong(m.group(2)));
                    }
                    m = READY.matcher(line);
                    if (m.find()) {
                        urls.put(m.group(1), m.group(2));
                    }
                }
                Matcher m = UP.matcher(line);
                if (m.find()) {
                    up.complete(Double.parseDouble(m.group(1)));
                }
            }
        } catch (IOException ignored) {
            // the launcher is gone: the start, if still waited for, fails below
        }
        up.completeExceptionally(new IllegalStateException("bin/sandbox ended before the system was up:\n"
                + String.join("\n", tail())));
    }

    private void awaitUp() {
        try {
            up.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the system did not start: " + e.getMessage(), e);
        }
    }

    /** Seconds from the launcher's start until every process was ready, as the launcher measured it. */
    double startSeconds() {
        return up.join();
    }

    synchronized String url(String service) {
        return urls.get(service);
    }

    synchronized String kafka() {
        return urls.get("kafka").replace("http://", "");
    }

    /** The services' and the simulator's process ids. */
    synchronized Map<String, Long> pids() {
        Map<String, Long> result = new LinkedHashMap<>();
        SERVICES.forEach(s -> result.put(s, pids.get(s)));
        return result;
    }

    private synchronized List<String> tail() {
        return output.subList(Math.max(0, output.size() - 30), output.size());
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException exiting) {
            // the hook itself is stopping the system
        }
        stop();
    }

    private void stop() {
        launcher.destroy();
        try {
            if (!launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launcher.destroyForcibly();
        }
    }
}

package com.contactsync.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A process the sandbox started, with its output in a log file. */
final class Child {

    /** Every JVM the sandbox starts carries this property, so its processes can be found by their command line. */
    static final String MARKER_PROPERTY = "contactsync.sandbox.dir";

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path log;

    private Child(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** A {@code java} command line for a child JVM of the sandbox in {@code dataDir}. */
    static List<String> java(Path dataDir, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-D" + MARKER_PROPERTY + "=" + dataDir);
        command.addAll(args);
        return command;
    }

    static Child start(String name, List<String> command, Map<String, String> env, Path log) throws IOException {
        List<String> line = new ArrayList<>();
        // Own session and process group: Ctrl-C in the terminal reaches only the launcher, which then stops the
        // children in order (services before Kafka) instead of all of them at once.
        line.add("setsid");
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return new Child(name, process, log);
    }

    /** Runs a command to its end; fails with the tail of its log unless it exits 0 in time. */
    static void run(String name, List<String> command, Path log, Duration timeout) throws IOException {
        Child child = start(name, command, Map.of(), log);
        try {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StartupFailure(child, "did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure(child, "interrupted");
        } finally {
            child.stop(Duration.ZERO);
        }
        if (child.process.exitValue() != 0) {
            throw new StartupFailure(child, "exited with code " + child.process.exitValue());
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    int exitCode() {
        return process.exitValue();
    }

    /** Polls {@code ready} until it answers true; fails as soon as the process dies or the deadline passes. */
    void awaitReady(Instant deadline, BooleanSupplier ready) {
        while (true) {
            if (!process.isAlive()) {
                throw new StartupFailure(this, "exited with code " + process.exitValue() + " during start-up");
            }
            if (ready.getAsBoolean()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StartupFailure(this, "was not ready in time");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailure(this, "interrupted while waiting for it");
            }
        }
    }

    /**
     * SIGTERM for an orderly shutdown, SIGKILL after {@code grace}; then whatever the process had forked and left
     * running.
     */
    void stop(Duration grace) {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle orphan : tree) {
                if (orphan.destroyForcibly()) {
                    orphan.onExit().get(AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + name, e);
        }
    }

    /** The last lines of a log, to show why a process failed. */
    static String tail(Path log, int lines) {
        if (!Files.exists(log)) {
            return "";
        }
        Deque<String> last = new ArrayDeque<>(lines);
        // A decoding reader rather than Files.lines: a log may hold bytes that are not UTF-8
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(System.lineSeparator(), last);
    }
}

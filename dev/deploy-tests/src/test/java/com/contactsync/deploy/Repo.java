package com.contactsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The repository these tests check, and the command-line tools they check it with. */
final class Repo {

    static final Path ROOT = Path.of(System.getProperty("contactsync.root", "../..")).toAbsolutePath().normalize();

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    private Repo() {
    }

    record Result(int exitCode, String output) {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command in the repository's root; output and error together. */
    static Result run(List<String> command) {
        try {
            Path output = Files.createTempFile("deploy-tests", ".out");
            try {
                Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                process.getOutputStream().close();
                if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT);
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.delete(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs a command that must succeed; returns its output. */
    static String runOk(String... command) {
        Result result = run(List.of(command));
        assertThat(result.exitCode()).as("%s exit code; output:%n%s", String.join(" ", command), result.output())
                .isZero();
        return result.output();
    }

    /** Installs the tools with the project's own script when one is missing (CI runs as root with apt). */
    static void requireTools(String... tools) {
        List<String> missing = new ArrayList<>();
        for (String tool : tools) {
            if (run(List.of("sh", "-c", "command -v " + tool)).exitCode() != 0) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            List<String> command = new ArrayList<>(List.of(path("bin/install-ops-tools").toString()));
            command.addAll(missing);
            Result result = run(command);
            assertThat(result.exitCode()).as("bin/install-ops-tools %s:%n%s", missing, result.output()).isZero();
        }
    }
}

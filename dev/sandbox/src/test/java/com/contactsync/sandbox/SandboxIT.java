package com.contactsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Runs {@code bin/sandbox} as a person would, on free ports so that it never collides with a running sandbox. */
class SandboxIT {

    private static final Path ROOT = Path.of(System.getProperty("contactsync.sandbox.root", "../..")).toAbsolutePath()
            .normalize();
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(6);
    private static final Pattern STARTED = Pattern.compile("\\[sandbox] started (\\S+) pid=(\\d+) ");
    private static final Pattern DATA_DIR = Pattern.compile("\\[sandbox] data directory: (.+)");

    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process sandbox;

    @AfterEach
    void killSandboxIfStillRunning() {
        if (sandbox != null && sandbox.isAlive()) {
            sandbox.destroyForcibly();
        }
    }

    @Test
    void exitAfterDemoSyncsTheDemoCompanyReportsEachUserAndLeavesNoProcessBehind() throws Exception {
        sandbox = launch("--exit-after-demo", "--ports", "auto");
        // Each service runs within its memory cap; the simulator, which holds every mailbox, without one
        await().atMost(RUN_TIMEOUT).until(() -> output.stream().anyMatch(l -> l.contains("sync-orchestrator is ready"))
                || !sandbox.isAlive());
        Map<String, String> commandLines = new HashMap<>();
        startedPids().forEach(s -> commandLines.put(s.name(),
                ProcessHandle.of(s.pid()).flatMap(p -> p.info().commandLine()).orElse("")));
        assertThat(commandLines.get("sync-orchestrator")).contains("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
        assertThat(commandLines.get("graph-simulator")).contains("-jar").doesNotContain("-Xmx256m");

        assertThat(sandbox.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("finished").isTrue();
        assertThat(sandbox.exitValue()).as("exit code; output:%n%s", String.join("\n", output)).isZero();
        JsonNode summary = Api.JSON.readTree(output.stream().filter(l -> l.startsWith("{\"converged\""))
                .reduce((first, second) -> second).orElseThrow());
        assertThat(summary.path("converged").asBoolean()).isTrue();
        assertThat(summary.path("users").asInt()).isEqualTo(3);
        assertThat(summary.path("contactsCreated").asInt()).isEqualTo(Options.DEFAULT_DEMO_SIZE);
        JsonNode anna = user(summary, "anna");
        JsonNode ben = user(summary, "ben");
        // Fresh folders: the full sync creates every contact of the target set, Anna's two typed ones are skipped
        assertThat(anna.path("inOutlook").asInt()).isEqualTo(anna.path("expected").asInt())
                .isEqualTo(anna.path("counts").path("created").asInt());
        assertThat(anna.path("counts").path("skipped").asInt()).isEqualTo(2);
        assertThat(ben.path("inOutlook").asInt()).isEqualTo(ben.path("expected").asInt())
                .isEqualTo(ben.path("counts").path("created").asInt())
                .isPositive().isLessThan(anna.path("expected").asInt());
        assertThat(user(summary, "carl").path("status").asString()).isEqualTo("REFUSED");
        assertThat(user(summary, "carl").path("error").asString()).contains("no Microsoft 365 e-mail");
        assertThat(summary.path("contactsInOutlook").asInt())
                .isEqualTo(anna.path("inOutlook").asInt() + ben.path("inOutlook").asInt());
        // The APIs want a token, and a person's token reaches only that person's runs
        assertThat(summary.path("access").path("withoutToken").asInt()).isEqualTo(401);
        assertThat(summary.path("access").path("ownRuns").asInt()).isEqualTo(200);
        assertThat(summary.path("access").path("othersRuns").asInt()).isEqualTo(403);
        // The per-user report and the progress (as lines: the output is a pipe, not a terminal)
        assertThat(output).anyMatch(l -> l.startsWith("  anna (Anna Schmidt, anna@sandbox.example), no filter:"))
                .anyMatch(l -> l.startsWith("  ben (Ben Weber, ben@sandbox.example), filter "))
                .anyMatch(l -> l.startsWith("  carl (Carl Fischer): no Microsoft 365 e-mail"))
                .anyMatch(l -> l.startsWith("[sandbox] created 500 BC contacts"))
                .anyMatch(l -> l.matches("\\[sandbox] contact-service is ready on .* \\(\\d/7 ready, .* s\\)"))
                .noneMatch(l -> l.contains("\r"));
        assertNothingLeftBehind();
    }

    private static JsonNode user(JsonNode summary, String id) {
        for (JsonNode user : summary.path("perUser")) {
            if (user.path("user").asString().equals(id)) {
                return user;
            }
        }
        throw new AssertionError("no user " + id + " in " + summary);
    }

    @Test
    void sigtermStopsEverythingAndRemovesTheDataDirectory() throws Exception {
        sandbox = launch("--infra-only", "--ports", "auto");
        await().atMost(RUN_TIMEOUT).until(() -> output.stream().anyMatch(l -> l.contains("ready; Ctrl-C"))
                || !sandbox.isAlive());
        assertThat(sandbox.isAlive()).as("running; output:%n%s", String.join("\n", output)).isTrue();
        assertThat(startedPids()).extracting(Started::name)
                .containsExactlyInAnyOrder("kafka", "postgres", "graph-simulator");

        // SIGTERM through the handle: Process.destroy() would also close the pipe that carries the stop's output
        sandbox.toHandle().destroy();

        assertThat(sandbox.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("finished").isTrue();
        assertNothingLeftBehind();
    }

    @Test
    void aChildThatDiesDuringStartUpEndsTheStartWithTheEndOfItsLog() throws Exception {
        // The simulator's JVM refuses the option and exits at once
        sandbox = launch("--infra-only", "--ports", "auto", "--jvm-options", "-XX:+NoSuchOption");

        assertThat(sandbox.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("finished").isTrue();
        assertThat(sandbox.exitValue()).isEqualTo(1);
        assertThat(output).anyMatch(l -> l.startsWith("[sandbox] graph-simulator exited with code 1 during start-up"))
                .anyMatch(l -> l.contains("Unrecognized VM option 'NoSuchOption'"))
                .anyMatch(l -> l.startsWith("[sandbox] stopped; data and logs kept in "));
        Path dataDir = Path.of(dataDir());
        assertThat(dataDir.resolve("logs/graph-simulator.log")).exists();
        deleteRecursively(dataDir);
        assertNothingLeftBehind();
    }

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("bin/sandbox").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    System.out.println(line);
                    output.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "sandbox-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private record Started(String name, long pid) {
    }

    private List<Started> startedPids() {
        List<Started> started = new ArrayList<>();
        for (String line : output) {
            Matcher m = STARTED.matcher(line);
            if (m.find()) {
                started.add(new Started(m.group(1), Long.parseLong(m.group(2))));
            }
        }
        return started;
    }

    private String dataDir() {
        return output.stream().map(DATA_DIR::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .findFirst().orElseThrow();
    }

    /** Every process it printed is gone, and no process on the machine still works in its data directory. */
    private void assertNothingLeftBehind() {
        List<Started> started = startedPids();
        assertThat(started).isNotEmpty();
        // A postmaster is reparented to init (pg_ctl detaches it), which reaps it shortly after it exits
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(started)
                .filteredOn(s -> ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false))
                .isEmpty());
        String dataDir = dataDir();
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList()).isEmpty();
        assertThat(Files.exists(Path.of(dataDir))).as("data directory removed").isFalse();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

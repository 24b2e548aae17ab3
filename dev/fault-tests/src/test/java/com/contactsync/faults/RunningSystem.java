package com.contactsync.faults;

import static org.awaitility.Awaitility.await;

import com.contactsync.sandbox.Api;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The whole system as separate processes, started once per test JVM by the sandbox's launcher
 * ({@code --no-demo --ports auto}, as {@code bin/sandbox} runs it) and stopped when the JVM exits (SIGTERM to the
 * launcher, which stops everything it started).
 *
 * <p>Faults need no hook in the launcher: it prints every process it starts with its pid, and Linux keeps each
 * process's command line, environment and working directory in {@code /proc}, read just before a {@code kill -9}
 * and used to start the same process again. The restarted JVMs carry the launcher's marker property, so its
 * clean-up at the stop finds them too.
 */
final class RunningSystem {

    static final String CONTACT_SERVICE = "contact-service";
    static final String SYNC_ORCHESTRATOR = "sync-orchestrator";
    static final String OUTLOOK_GATEWAY = "outlook-gateway";
    static final String SCHEDULER_SERVICE = "scheduler-service";
    static final String GRAPH_SIMULATOR = "graph-simulator";
    static final String KAFKA = "kafka";
    static final String POSTGRES = "postgres";

    /**
     * Short, so that a run whose gateway answer died with a killed process ends FAILED soon and a FULL run can
     * follow (docs/sync-orchestrator.md, "Runs"); every test triggers FULL runs until its folders converge.
     */
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern STARTED = Pattern.compile("\\[sandbox] started (\\S+) pid=(\\d+) log=(\\S+)");
    private static final Pattern SERVICE_READY = Pattern.compile("\\[sandbox] (\\S+) is ready on (http://\\S+)");
    private static final Pattern KAFKA_READY = Pattern.compile("\\[sandbox] kafka is ready on (\\S+)");
    private static final Pattern POSTGRES_READY = Pattern.compile("\\[sandbox] postgres is ready on port (\\d+)");
    private static final Pattern DATA_DIR = Pattern.compile("\\[sandbox] data directory: (\\S+)");

    private static final List<String> EXEC_JAR_MODULES = List.of("contact-service", "sync-orchestrator",
            "outlook-gateway", "scheduler-service", "dev/graph-simulator");

    private static RunningSystem instance;

    private final Process launcher;
    private final Path output;
    private final Map<String, Long> pids = new ConcurrentHashMap<>();
    private final Map<String, Path> logs = new ConcurrentHashMap<>();
    private final Map<String, String> urls = new ConcurrentHashMap<>();
    private volatile String bootstrapServers;
    private volatile Path dataDir;
    private volatile int postgresPort;
    private Events events;
    private Api api;
    private final CountDownLatch up = new CountDownLatch(1);

    /** How to start a killed process again: what /proc said of it. */
    private record Recipe(List<String> command, Map<String, String> env, Path cwd) {
    }

    private RunningSystem(Path root) throws IOException {
        Path target = Files.createDirectories(root.resolve("dev/fault-tests/target"));
        output = target.resolve("sandbox-output.log");
        Files.deleteIfExists(output);
        Path ownRoot = copyExecJars(root, target.resolve("system"));
        // The launcher from this JVM's class path (the sandbox module and its dependencies), not from
        // dev/sandbox/target/classes, and the services from copies of their jars: a build of another module while
        // the tests run must not pull classes or jars from under running or restarting processes.
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "-Dcontactsync.sandbox.root=" + ownRoot,
                "com.contactsync.sandbox.Sandbox", "--no-demo", "--ports", "auto", "--keep-data")
                .redirectErrorStream(true);
        builder.environment().put("CONTACTSYNC_ORCHESTRATOR_RUNTIMEOUT", RUN_TIMEOUT.toSeconds() + "s");
        launcher = builder.start();
        launcher.getOutputStream().close();
        Thread reader = new Thread(this::readOutput, "sandbox-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** A root of the layout the launcher expects ({@code <module>/target/*-exec.jar}) holding copies of the jars. */
    private static Path copyExecJars(Path root, Path ownRoot) throws IOException {
        for (String module : EXEC_JAR_MODULES) {
            Path to = Files.createDirectories(ownRoot.resolve(module).resolve("target"));
            try (var jars = Files.list(root.resolve(module).resolve("target"))) {
                for (Path jar : jars.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).toList()) {
                    Files.copy(jar, to.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return ownRoot;
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            Path root = Path.of(System.getProperty("contactsync.sandbox.root", "../..")).toAbsolutePath().normalize();
            try {
                instance = new RunningSystem(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "sandbox-stop"));
            instance.awaitUp();
            instance.makePostgresCommitsDurable();
        }
        return instance;
    }

    private void awaitUp() {
        try {
            if (!up.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || !launcher.isAlive()) {
                throw new IllegalStateException("the sandbox did not start; see " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Files.writeString(output, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Matcher m;
                if ((m = STARTED.matcher(line)).find()) {
                    pids.put(m.group(1), Long.parseLong(m.group(2)));
                    logs.put(m.group(1), Path.of(m.group(3)));
                } else if ((m = KAFKA_READY.matcher(line)).find()) {
                    bootstrapServers = m.group(1);
                } else if ((m = SERVICE_READY.matcher(line)).find()) {
                    urls.put(m.group(1), m.group(2));
                } else if ((m = POSTGRES_READY.matcher(line)).find()) {
                    postgresPort = Integer.parseInt(m.group(1));
                } else if ((m = DATA_DIR.matcher(line)).find()) {
                    dataDir = Path.of(m.group(1));
                } else if (line.contains("Contact Sync sandbox is up in")) {
                    up.countDown();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            up.countDown(); // a launcher that died: awaitUp says so at once
        }
    }

    String url(String service) {
        return urls.get(service);
    }

    /** The client for the services' and the simulator's APIs: requests carry an admin token unless they name one. */
    synchronized Api api() {
        if (api == null) {
            api = Api.asAdmin(url(GRAPH_SIMULATOR));
        }
        return api;
    }

    /** One Kafka client for all tests, closed with the system. */
    synchronized Events events() {
        if (events == null) {
            events = new Events(bootstrapServers);
        }
        return events;
    }

    private long pid(String part) {
        return pids.get(part);
    }

    /** SIGKILL: no shutdown hook, no graceful stop, no offset commit, whatever was in flight is lost. */
    Runnable kill9(String part) {
        long pid = pid(part);
        Recipe recipe = recipe(pid);
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
        return () -> restart(part, recipe);
    }

    private void restart(String part, Recipe recipe) {
        start(part, recipe);
        if (part.equals(KAFKA)) {
            awaitKafka();
        } else {
            awaitReady(part);
        }
    }

    private void start(String part, Recipe recipe) {
        List<String> line = new ArrayList<>();
        line.add("setsid"); // as the launcher starts it: its own session
        line.addAll(recipe.command());
        ProcessBuilder builder = new ProcessBuilder(line).directory(recipe.cwd().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.get(part).toFile()));
        builder.environment().clear();
        builder.environment().putAll(recipe.env());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            pids.put(part, process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A crash restart of PostgreSQL: {@code kill -9} of one of the postmaster's processes makes the postmaster end
     * every other one (every connection of every service drops), recover from the WAL and start accepting
     * connections again, as after a crash. A new postmaster is not started from here: zonky's binaries refuse to
     * start as root other than through zonky's own start.
     */
    void crashRestartPostgres() {
        Path log = logs.get(POSTGRES);
        long readyBefore = countReady(log);
        long postmaster = Long.parseLong(readLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(0)
                .trim());
        ProcessHandle child = ProcessHandle.of(postmaster).orElseThrow().children().findFirst().orElseThrow();
        child.destroyForcibly();
        await("postgres recovered").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> countReady(log) > readyBefore);
    }

    /**
     * The sandbox's PostgreSQL runs with zonky's {@code synchronous_commit=off}: a crash loses the transactions of
     * its last moments although they were reported committed (a consumer's offset then points past an effect that
     * is gone), which no service can guard against and no production database does. Setting it on for the role
     * applies to new sessions, so every open one is ended, before any test: the services' pools connect again,
     * durable.
     */
    private void makePostgresCommitsDurable() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres",
                "postgres", "postgres");
             Statement statement = c.createStatement()) {
            statement.execute("ALTER ROLE postgres SET synchronous_commit = on");
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long countReady(Path log) {
        return readLines(log).stream().filter(l -> l.contains("database system is ready to accept connections"))
                .count();
    }

    private static List<String> readLines(Path file) {
        try {
            // A log may hold bytes that are not UTF-8
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(String service) {
        String probe = url(service) + (service.equals(GRAPH_SIMULATOR) ? "/actuator/health"
                : "/actuator/health/readiness");
        Api api = new Api();
        await("readiness of " + service).atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> api.status(probe) / 100 == 2);
    }

    private void awaitKafka() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
        try (Admin admin = Admin.create(props)) {
            await("kafka").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty());
        }
    }

    private static Recipe recipe(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            List<String> command = split(Files.readAllBytes(proc.resolve("cmdline")));
            Map<String, String> env = new LinkedHashMap<>();
            for (String entry : split(Files.readAllBytes(proc.resolve("environ")))) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
            return new Recipe(command, env, Files.readSymbolicLink(proc.resolve("cwd")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc of " + pid, e);
        }
    }

    /** /proc's NUL-separated lists. */
    private static List<String> split(byte[] bytes) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                parts.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return parts;
    }

    private void stop() {
        synchronized (this) {
            if (events != null) {
                events.close();
            }
        }
        launcher.destroy();
        try {
            launcher.waitFor(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

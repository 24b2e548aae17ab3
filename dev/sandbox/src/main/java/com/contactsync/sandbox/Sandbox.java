package com.contactsync.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bin/sandbox}: Kafka, PostgreSQL, the Graph simulator and the four services as separate processes on this
 * machine, stopped in reverse order on Ctrl-C. No Spring here: the launcher must not share anything with what it
 * runs.
 */
public final class Sandbox {

    private static final int INFRASTRUCTURE = 0;
    private static final int SERVICES = 1;

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** Spring Boot's default graceful-shutdown phase is 30 s; Kafka's controlled shutdown takes a few. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** PostgreSQL's start cannot be interrupted; it takes seconds, like Kafka's storage format. */
    private static final Duration START_SETTLING = Duration.ofSeconds(60);
    private static final List<String> DATABASES = Service.SERVICES.stream()
            .flatMap(s -> s.database().stream()).toList();

    /** Where each service's REST API starts, for the printed URLs. */
    private static final Map<Service, String> API = Map.of(
            Service.CONTACT_SERVICE, "/api/v1/contacts",
            Service.SYNC_ORCHESTRATOR, "/api/v1/users",
            Service.OUTLOOK_GATEWAY, "",
            Service.SCHEDULER_SERVICE, "/api/v1/schedules");

    private final Options options;
    private final Path root;
    private final Path dataDir;
    private final Path logs;
    /** Readiness probes need no token. */
    private final Api probes = new Api();
    /** Started parts by start wave: infrastructure (with the simulator), then the services; stopped last first. */
    private final List<List<Part>> waves = List.of(new ArrayList<>(), new ArrayList<>());
    private boolean stopping;
    /** Everything the start set going, done or failed: the stop waits for it so that nothing starts behind it. */
    private volatile CompletableFuture<Void> startup = CompletableFuture.completedFuture(null);
    /** After a failed start or demo the logs are what a person needs: the data directory is kept. */
    private boolean failed;

    private Instant startedAt;
    private int toStart;
    private final AtomicInteger readyCount = new AtomicInteger();
    private int kafkaPort;
    private int pgPort;
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

    private record Part(String name, Runnable stop) {
    }

    private Sandbox(Options options, Path root) {
        this.options = options;
        this.root = root;
        this.dataDir = options.dataDir().orElseGet(() -> root.resolve("dev/sandbox/target/sandbox-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + ProcessHandle.current().pid())).toAbsolutePath();
        this.logs = dataDir.resolve("logs");
    }

    public static void main(String[] args) {
        // zonky's and Kafka's admin client chatter belongs in no terminal
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        Sandbox sandbox = new Sandbox(options,
                Path.of(System.getProperty("contactsync.sandbox.root", ".")).toAbsolutePath().normalize());
        // Runs on Ctrl-C, SIGTERM and System.exit alike: the one place where things are stopped
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::stop, "sandbox-stop"));
        int exitCode = 1;
        try {
            sandbox.start();
            exitCode = sandbox.afterStart();
            if (!options.exitAfterDemo()) {
                new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook does the rest
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (StartupFailure e) {
            if (!sandbox.isStopping()) {
                System.err.println("[sandbox] " + e.getMessage() + "; the end of " + e.log() + ":");
                System.err.println(e.tail());
            }
        } catch (Exception e) {
            // Once stopping, whatever was still starting fails as expected; that is no news
            if (!sandbox.isStopping()) {
                System.err.println("[sandbox] " + e);
            }
        }
        if (exitCode != 0) {
            sandbox.markFailed();
        }
        System.exit(exitCode); // when the shutdown hook already runs, this waits for it
    }

    static void say(String line) {
        System.out.println("[sandbox] " + line);
    }

    /** The demo (unless --no-demo), then the URLs; the exit code --exit-after-demo ends with. */
    private int afterStart() throws InterruptedException {
        int exitCode = 0;
        if (options.demo()) {
            Map<Service, String> urls = new EnumMap<>(Service.class);
            ports.keySet().forEach(s -> urls.put(s, url(s)));
            Demo.Summary summary = new Demo(Api.asAdmin(url(Service.GRAPH_SIMULATOR)), urls, bootstrapServers(), options.demoSize(), Progress.console(),
                    System.out).run();
            if (isStopping()) {
                return 1; // Ctrl-C during the demo: what failed because of it is no news
            }
            exitCode = summary.converged() ? 0 : 1;
            if (!summary.converged()) {
                markFailed(); // its logs are what a person needs: the data directory is kept
            }
            if (options.exitAfterDemo()) {
                System.out.println(Api.JSON.writeValueAsString(summary));
                return exitCode;
            }
            if (!summary.converged()) {
                say("the demo did not converge (" + (summary.error() != null ? summary.error()
                        : "see the users above") + "); the system stays up to look into it");
            }
        }
        printUrls();
        return exitCode;
    }

    private void start() throws IOException {
        Instant began = Instant.now();
        Instant deadline = began.plus(START_TIMEOUT);
        Files.createDirectories(logs);
        say("data directory: " + dataDir);
        List<Service> toRun = new ArrayList<>(List.of(Service.GRAPH_SIMULATOR));
        if (!options.infraOnly()) {
            toRun.addAll(Service.SERVICES);
        }
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        toRun.forEach(s -> jars.put(s, s.execJar(root)));
        startedAt = began;
        toStart = toRun.size() + 2; // with Kafka and PostgreSQL

        Ports free = new Ports(options.autoPorts(), Sandbox::say);
        kafkaPort = free.take("kafka", 9092);
        int controllerPort = free.take("kafka controller", 9093);
        pgPort = free.take("postgres", 5432);
        toRun.forEach(s -> ports.put(s, free.take(s.id(), s.defaultPort())));
        free.release();

        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-start");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Void> kafka = CompletableFuture.runAsync(() -> {
            Child broker = track(INFRASTRUCTURE,
                    started(io(() -> Kafka.start(dataDir, logs, kafkaPort, controllerPort))));
            Kafka.awaitReady(broker, bootstrapServers(), deadline);
            ready("kafka is ready on " + bootstrapServers());
        }, pool);
        CompletableFuture<Void> postgres = CompletableFuture.runAsync(() -> {
            Postgres pg = Postgres.start(dataDir, logs.resolve("postgres.log"), pgPort, DATABASES);
            say("started postgres pid=" + pg.pid() + " log=" + logs.resolve("postgres.log"));
            ready("postgres is ready on port " + pgPort);
            track(INFRASTRUCTURE, new Part("postgres", pg::close));
        }, pool);
        CompletableFuture<Void> simulator = CompletableFuture.runAsync(
                () -> startService(Service.GRAPH_SIMULATOR, jars.get(Service.GRAPH_SIMULATOR), deadline), pool);

        List<CompletableFuture<Void>> all = new ArrayList<>(List.of(kafka, postgres, simulator));
        for (Service service : Service.SERVICES) {
            if (jars.containsKey(service)) {
                CompletableFuture<Void> needs = CompletableFuture.allOf(kafka,
                        service.database().isPresent() ? postgres : simulator);
                all.add(needs.thenRunAsync(() -> startService(service, jars.get(service), deadline), pool));
            }
        }
        startup = CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
        // The first failure ends the start at once rather than after everything else has timed out
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        all.forEach(f -> f.exceptionally(e -> {
            firstFailure.completeExceptionally(e);
            return null;
        }));
        try {
            CompletableFuture.anyOf(startup, firstFailure).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        if (!isStopping()) {
            say(String.format("Contact Sync sandbox is up in %.1f s (%d processes). Logs: %s",
                    Duration.between(began, Instant.now()).toMillis() / 1000.0, toStart, logs));
        }
    }

    private void startService(Service service, Path jar, Instant deadline) {
        if (isStopping()) {
            throw new CancellationException("stopping");
        }
        Map<String, String> env = new LinkedHashMap<>(environment(service));
        env.put("SERVER_PORT", Integer.toString(ports.get(service)));
        List<String> command = new ArrayList<>(service == Service.GRAPH_SIMULATOR ? List.of() : Options.SERVICE_MEMORY_OPTIONS);
        command.addAll(options.jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        Child child = track(service == Service.GRAPH_SIMULATOR ? INFRASTRUCTURE : SERVICES,
                started(io(() -> Child.start(service.id(), Child.java(dataDir, command),
                        env, logs.resolve(service.id() + ".log")))));
        String url = url(service);
        child.awaitReady(deadline, service == Service.GRAPH_SIMULATOR
                // Not counted in the simulator's request statistics, unlike a Graph path
                ? () -> probes.status(url + "/actuator/health") > 0
                : () -> probes.status(url + "/actuator/health/readiness") / 100 == 2);
        ready(service.id() + " is ready on " + url);
    }

    /**
     * How a service finds Kafka, its database, the simulator as the issuer of API tokens (and the gateway, as
     * Graph): environment variables only.
     */
    private Map<String, String> environment(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        // /actuator/health/readiness exists by default only on Kubernetes
        env.put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        if (service != Service.GRAPH_SIMULATOR) {
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
            env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", bootstrapServers());
            env.put("SPRING_CLOUD_STREAM_KAFKA_BINDER_MINPARTITIONCOUNT", Integer.toString(Kafka.PARTITIONS));
            env.put("CONTACTSYNC_SECURITY_ISSUER", SimulatorTokens.ISSUER);
            env.put("CONTACTSYNC_SECURITY_JWKSETURI", url(Service.GRAPH_SIMULATOR) + "/" + SimulatorTokens.TENANT
                    + "/discovery/v2.0/keys");
        }
        if (service == Service.SYNC_ORCHESTRATOR) {
            // validate asks the gateway's REST API (on its default port when the gateway runs elsewhere), with an
            // application token
            if (ports.containsKey(Service.OUTLOOK_GATEWAY)) {
                env.put("CONTACTSYNC_ORCHESTRATOR_GATEWAYURL", url(Service.OUTLOOK_GATEWAY));
            }
            env.put("CONTACTSYNC_SECURITY_CLIENT_TOKENURI", tokenUrl());
            env.put("CONTACTSYNC_SECURITY_CLIENT_CLIENTID", SimulatorTokens.CLIENT_ID);
            env.put("CONTACTSYNC_SECURITY_CLIENT_CLIENTSECRET", SimulatorTokens.CLIENT_SECRET);
        }
        service.database().ifPresent(db -> {
            env.put("SPRING_DATASOURCE_URL", jdbcUrl(db));
            env.put("SPRING_DATASOURCE_USERNAME", Postgres.USER);
            env.put("SPRING_DATASOURCE_PASSWORD", Postgres.PASSWORD);
        });
        if (service == Service.OUTLOOK_GATEWAY) {
            env.put("CONTACTSYNC_GRAPH_BASEURL", url(Service.GRAPH_SIMULATOR) + "/v1.0");
            env.put("CONTACTSYNC_GRAPH_AUTH_KIND", "simulator");
            env.put("CONTACTSYNC_GRAPH_AUTH_TOKENURL", tokenUrl());
            env.put("CONTACTSYNC_GRAPH_AUTH_CLIENTID", SimulatorTokens.CLIENT_ID);
            env.put("CONTACTSYNC_GRAPH_AUTH_CLIENTSECRET", SimulatorTokens.CLIENT_SECRET);
        }
        return env;
    }

    /** Start-up progress: what is ready, how many of all, since when. */
    private void ready(String what) {
        say(String.format("%s  (%d/%d ready, %.1f s)", what, readyCount.incrementAndGet(), toStart,
                Duration.between(startedAt, Instant.now()).toMillis() / 1000.0));
    }

    private Child started(Child child) {
        say("started " + child.name() + " pid=" + child.pid() + " log=" + child.log());
        return child;
    }

    /** Registers a started part for the stop; stops it at once if the stop has already begun. */
    private Child track(int wave, Child child) {
        track(wave, new Part(child.name(), () -> child.stop(STOP_GRACE)));
        child.onExit(() -> {
            if (!isStopping()) {
                say(child.name() + " exited unexpectedly with code " + child.exitCode() + "; see " + child.log());
            }
        });
        return child;
    }

    private void track(int wave, Part part) {
        synchronized (this) {
            if (!stopping) {
                waves.get(wave).add(part);
                return;
            }
        }
        say("stopping " + part.name());
        part.stop().run();
    }

    /** A failure of its own, not the end of what a stop (Ctrl-C) interrupted. */
    private synchronized void markFailed() {
        failed = !stopping;
    }

    private synchronized boolean hasFailed() {
        return failed;
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void stop() {
        List<List<Part>> toStop;
        synchronized (this) {
            stopping = true;
            toStop = waves.stream().map(List::copyOf).toList();
        }
        for (int wave = toStop.size() - 1; wave >= 0; wave--) {
            List<Part> parts = toStop.get(wave);
            parts.forEach(p -> say("stopping " + p.name()));
            CompletableFuture.allOf(parts.stream()
                    .map(p -> CompletableFuture.runAsync(p.stop()))
                    .toArray(CompletableFuture[]::new)).join();
        }
        // What was still starting ends soon: its processes are gone, and a part that comes up now is stopped at once
        try {
            startup.exceptionally(e -> null).get(START_SETTLING.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            say("the start did not settle in time: " + e);
        }
        killLeftovers();
        if (options.keepData() || options.dataDir().isPresent() || hasFailed()) {
            say("stopped; data and logs kept in " + dataDir);
            return;
        }
        try {
            deleteRecursively(dataDir);
            say("stopped; removed " + dataDir + " (--keep-data keeps it)");
        } catch (IOException | UncheckedIOException e) {
            say("stopped; could not remove " + dataDir + ": " + e);
        }
    }

    /**
     * A safety net after the orderly stop: any process still running for this data directory, such as a postmaster
     * that pg_ctl could not stop (pg_ctl detaches it from the launcher, so it is no descendant of ours).
     */
    private void killLeftovers() {
        String marker = "-D" + Child.MARKER_PROPERTY + "=" + dataDir;
        String postmaster = "-D " + dataDir.resolve("postgres");
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine()
                        .filter(line -> line.contains(marker) || line.contains(postmaster)).isPresent())
                .forEach(p -> {
                    say("killing leftover process " + p.pid());
                    p.destroyForcibly();
                });
    }

    private void printUrls() {
        StringBuilder out = new StringBuilder(String.format("%nWhere everything is:%n"));
        String sim = url(Service.GRAPH_SIMULATOR);
        row(out, "kafka", bootstrapServers());
        row(out, "postgresql", jdbcUrl("{" + String.join(",", DATABASES) + "}") + "  user " + Postgres.USER
                + ", any password");
        row(out, "graph-simulator", sim + "/v1.0  token " + tokenUrl() + " (client " + SimulatorTokens.CLIENT_ID
                + ", secret " + SimulatorTokens.CLIENT_SECRET + ")  controls " + sim + "/_simulator/stats");
        if (options.infraOnly()) {
            out.append(String.format("%nRun a service against it (e.g. from the IDE) with this environment:%n"));
            for (Service service : Service.SERVICES) {
                out.append(String.format("  %s: %s%n", service.id(), environment(service).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))));
            }
        } else {
            for (Service service : Service.SERVICES) {
                String url = url(service);
                row(out, service.id(), url + API.get(service) + "  docs " + url + "/v3/api-docs  actuator "
                        + url + "/actuator");
            }
            out.append(String.format("%nTry:%n")).append(TryCommands.lines(url(Service.CONTACT_SERVICE),
                    url(Service.SYNC_ORCHESTRATOR), sim, tokenUrl(), bootstrapServers(), options.demo()));
        }
        System.out.println(out);
        if (!options.exitAfterDemo()) {
            say("ready; Ctrl-C stops everything");
        }
    }

    private static void row(StringBuilder out, String name, String where) {
        out.append(String.format("  %-18s %s%n", name, where));
    }

    String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    private String tokenUrl() {
        return SimulatorTokens.tokenUrl(url(Service.GRAPH_SIMULATOR));
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database;
    }

    private String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> T io(IoSupplier<T> supplier) {
        try {
            return supplier.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.contactsync.testinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * A real Kafka broker and a real PostgreSQL server for tests: embedded, in containers or external (see {@link Mode}).
 * One of each per test JVM, shared by all test classes; every service or test takes a database of its own.
 */
public final class Infrastructure {

    /** Partitions of auto-created topics: more than one, so per-key ordering is really exercised. */
    static final int PARTITIONS = 4;
    /** Room for the connection pools of all services that the system tests run in one JVM. */
    static final int MAX_CONNECTIONS = 300;

    private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);
    private static final Pattern DATABASE_PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private static Infrastructure shared;
    private static RuntimeException sharedStartFailure;

    private final Mode mode;
    private final String kafkaBootstrapServers;
    private final PostgresServer postgres;
    private final List<AutoCloseable> stoppers;
    private final Set<String> createdDatabases = ConcurrentHashMap.newKeySet();

    private Infrastructure(Mode mode, String kafkaBootstrapServers, PostgresServer postgres,
            List<AutoCloseable> stoppers) {
        this.mode = mode;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.postgres = postgres;
        this.stoppers = stoppers;
    }

    /** The JVM's shared infrastructure, started on first use and stopped when the JVM exits. */
    public static synchronized Infrastructure get() {
        if (shared == null) {
            // A failed start is not retried: every later test class would wait for the same failure again.
            if (sharedStartFailure != null) {
                throw new IllegalStateException("Test infrastructure failed to start earlier in this JVM",
                        sharedStartFailure);
            }
            try {
                shared = start(ModeSelection.systemSettings(),
                        () -> DockerClientFactory.instance().isDockerAvailable());
            } catch (RuntimeException e) {
                sharedStartFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-infrastructure-shutdown"));
        }
        return shared;
    }

    /** Starts infrastructure of its own, chosen by {@link ModeSelection} from these settings; close it when done. */
    static Infrastructure start(Function<String, String> settings, BooleanSupplier dockerAnswers) {
        ModeSelection selection = ModeSelection.select(settings, dockerAnswers);
        LOG.info("Test infrastructure: {} mode, because {}", selection.mode(), selection.reason());
        Infrastructure infrastructure = switch (selection.mode()) {
            case EXTERNAL -> new Infrastructure(Mode.EXTERNAL, settings.apply(ModeSelection.KAFKA_BOOTSTRAP),
                    new PostgresServer(settings.apply(ModeSelection.JDBC_URL),
                            orDefault(settings.apply(ModeSelection.JDBC_USER), "postgres"),
                            orDefault(settings.apply(ModeSelection.JDBC_PASSWORD), "")),
                    List.of());
            case TESTCONTAINERS -> startInParallel(Mode.TESTCONTAINERS, ContainerServers::kafka,
                    ContainerServers::postgres);
            case EMBEDDED -> startInParallel(Mode.EMBEDDED, EmbeddedServers::kafka, EmbeddedServers::postgres);
        };
        LOG.info("Test infrastructure: Kafka at {}, PostgreSQL at {}", infrastructure.kafkaBootstrapServers,
                infrastructure.postgres.location());
        return infrastructure;
    }

    static Infrastructure startInParallel(Mode mode, Callable<Running<String>> kafka,
            Callable<Running<PostgresServer>> postgres) {
        CompletableFuture<Running<PostgresServer>> startingPostgres = CompletableFuture.supplyAsync(() -> {
            try {
                return postgres.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, task -> new Thread(task, "test-infrastructure-postgres").start());
        Running<String> runningKafka;
        try {
            runningKafka = kafka.call();
        } catch (Exception e) {
            startingPostgres.thenAccept(running -> stop(running.stopper()));
            throw new IllegalStateException("Kafka did not start in " + mode + " mode", e);
        }
        Running<PostgresServer> runningPostgres;
        try {
            runningPostgres = startingPostgres.join();
        } catch (CompletionException e) {
            stop(runningKafka.stopper());
            throw new IllegalStateException("PostgreSQL did not start in " + mode + " mode", e.getCause());
        }
        return new Infrastructure(mode, runningKafka.endpoint(), runningPostgres.endpoint(),
                List.of(runningPostgres.stopper(), runningKafka.stopper()));
    }

    public Mode mode() {
        return mode;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /**
     * Creates an empty database {@code <prefix>_<unique suffix>}.
     *
     * @param prefix what the database is for, e.g. the service name; lower-cased, '-' becomes '_'
     */
    public Database newDatabase(String prefix) {
        String normalized = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT).replace('-', '_');
        if (!DATABASE_PREFIX.matcher(normalized).matches()) {
            throw new IllegalArgumentException("A database prefix must be a letter followed by at most 39 letters,"
                    + " digits, '_' or '-'; got " + prefix);
        }
        // Random rather than a counter: an external server may be shared by several test JVMs.
        String name = normalized + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong(), 12);
        executeOnServer("CREATE DATABASE " + name);
        createdDatabases.add(name);
        return new Database(name, postgres.jdbcUrlFor(name), postgres.username(), postgres.password());
    }

    /**
     * Properties that point a Spring Boot service at this broker, at the tests' token issuer ({@link TestIssuer})
     * and, unless {@code database} is null, at that database.
     */
    public Map<String, Object> springProperties(Database database) {
        Map<String, Object> properties = new LinkedHashMap<>(TestIssuer.get().springProperties());
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafkaBootstrapServers);
        if (database != null) {
            properties.put("spring.datasource.url", database.jdbcUrl());
            properties.put("spring.datasource.username", database.username());
            properties.put("spring.datasource.password", database.password());
        }
        return Map.copyOf(properties);
    }

    /**
     * Stops what this instance started. An external server outlives the tests, so the databases created on it are
     * dropped instead; embedded and container servers are thrown away whole.
     */
    void close() {
        if (mode == Mode.EXTERNAL) {
            createdDatabases.forEach(name -> {
                try {
                    // FORCE: a service's connection pool may still be open while the JVM shuts down.
                    executeOnServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (IllegalStateException e) {
                    LOG.warn("Could not drop test database {}", name, e);
                }
            });
        }
        stoppers.forEach(Infrastructure::stop);
    }

    private void executeOnServer(String sql) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed on " + postgres.location() + " as "
                    + postgres.username() + ": " + e.getMessage(), e);
        }
    }

    private static void stop(AutoCloseable stopper) {
        try {
            stopper.close();
        } catch (Exception e) {
            LOG.warn("Could not stop test infrastructure cleanly", e);
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}

package com.contactsync.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A Spring Boot application of this repository that the sandbox runs from its exec jar. */
enum Service {

    CONTACT_SERVICE("contact-service", "contact-service", 8081, "contacts"),
    SYNC_ORCHESTRATOR("sync-orchestrator", "sync-orchestrator", 8082, "orchestrator"),
    OUTLOOK_GATEWAY("outlook-gateway", "outlook-gateway", 8083, null),
    SCHEDULER_SERVICE("scheduler-service", "scheduler-service", 8084, "scheduler"),
    GRAPH_SIMULATOR("graph-simulator", "dev/graph-simulator", 8089, null);

    /** The four services of the system, without the simulator. */
    static final List<Service> SERVICES =
            List.of(CONTACT_SERVICE, SYNC_ORCHESTRATOR, OUTLOOK_GATEWAY, SCHEDULER_SERVICE);

    private final String id;
    private final String module;
    private final int defaultPort;
    private final String database;

    Service(String id, String module, int defaultPort, String database) {
        this.id = id;
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    String id() {
        return id;
    }

    int defaultPort() {
        return defaultPort;
    }

    /** The database the service owns, if it has one. */
    Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** The jar the spring-boot-maven-plugin repackages with classifier {@code exec}. */
    Path execJar(Path root) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + target + "/*-exec.jar: build it with"
                            + " ./mvnw -B -q -DskipTests package (bin/sandbox does when one is missing)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.contactsync.sandbox;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/** Apache Kafka in KRaft mode (one broker that is its own controller) in a JVM of its own. */
final class Kafka {

    /**
     * Partitions of every topic, however it comes to exist. The services declare the topics they produce with 6,
     * but a consumer that binds first creates its topic with one, and sees the partitions its producer adds only
     * at its next metadata refresh (5 min later): the sandbox does what a cluster's operators do and has every
     * topic start with 6, so it does not depend on which service is quicker to start.
     */
    static final int PARTITIONS = 6;

    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private Kafka() {
    }

    /** Formats the log directory and starts the broker; returns once it is launched, not yet ready. */
    static Child start(Path dataDir, Path logs, int port, int controllerPort) throws IOException {
        // The launcher's own class path: kafka_2.13 and an SLF4J binding are dependencies of this module
        String classpath = System.getProperty("java.class.path");
        Path home = Files.createDirectories(dataDir.resolve("kafka"));
        Path config = home.resolve("server.properties");
        writeConfig(config, home.resolve("data"), port, controllerPort);
        Path log = logs.resolve("kafka.log");
        String clusterId = clusterId(home.resolve("cluster.id"));
        Child.run("kafka-storage-format", Child.java(dataDir, List.of(
                        "-cp", classpath, "kafka.tools.StorageTool",
                        "format", "-t", clusterId, "-c", config.toString(), "--standalone", "--ignore-formatted")),
                log, FORMAT_TIMEOUT);
        return Child.start("kafka", Child.java(dataDir, List.of(
                        "-Xms256m", "-Xmx1g",
                        // Kafka logs through SLF4J; the simple binding writes to stderr, i.e. the log file
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                        "-Dorg.slf4j.simpleLogger.showDateTime=true",
                        "-cp", classpath, "kafka.Kafka", config.toString())),
                Map.of(), log);
    }

    /** Kept beside the logs: formatting a kept data directory again must name the cluster it already holds. */
    private static String clusterId(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        // What `StorageTool random-uuid` prints, without a JVM start for it
        String id = Uuid.randomUuid().toString();
        Files.writeString(file, id);
        return id;
    }

    static void awaitReady(Child kafka, String bootstrap, Instant deadline) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(props)) {
            kafka.awaitReady(deadline, () -> {
                try {
                    return !admin.describeCluster().nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                            .isEmpty();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                } catch (Exception notYet) {
                    return false;
                }
            });
        }
    }

    private static void writeConfig(Path config, Path logDir, int port, int controllerPort) throws IOException {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // One broker: the internal topics cannot have more than one replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("num.partitions", Integer.toString(PARTITIONS));
        // Consumers of a fresh group start at once instead of after the default 3 s
        p.put("group.initial.rebalance.delay.ms", "0");
        try (Writer writer = Files.newBufferedWriter(config)) {
            p.store(writer, "Contact Sync sandbox");
        }
    }
}

package com.contactsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.sandbox.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard and the alerts against a real system: a sandbox with a small demo, scraped by a real Prometheus
 * (Debian's, installed by bin/install-ops-tools when missing). After some realtime traffic, a burst of Graph
 * throttling and a message that must be dead-lettered, every dashboard query and the signal of every alert
 * returns data, and Prometheus evaluates every rule without error.
 */
class MonitoringIT {

    private static final Duration SANDBOX_READY = Duration.ofMinutes(8);
    private static final Duration DATA = Duration.ofMinutes(2);
    private static final Duration STOP = Duration.ofMinutes(2);
    private static final Pattern URL_ROW = Pattern.compile(
            "^ {2}(kafka|graph-simulator|contact-service|sync-orchestrator|outlook-gateway|scheduler-service)\\s+(\\S+)");
    private static final List<String> SERVICES = List.of("contact-service", "sync-orchestrator", "outlook-gateway",
            "scheduler-service");
    /** Prometheus wants no token. */
    private static final Api PROMETHEUS = new Api();

    @TempDir
    static Path work;

    private static Process sandbox;
    private static Process prometheus;
    private static final Map<String, String> urls = new LinkedHashMap<>();
    private static String prometheusUrl;
    /** The services' and the simulator's APIs, as an admin. */
    private static Api api;

    @BeforeAll
    static void startSandboxAndPrometheus() throws Exception {
        Repo.requireTools("prometheus", "promtool");
        sandbox = launchSandbox();
        await("the sandbox's demo and URLs").atMost(SANDBOX_READY).pollInterval(Duration.ofSeconds(1))
                .until(() -> output().stream().anyMatch(l -> l.startsWith("[sandbox] ready; Ctrl-C"))
                        || !sandbox.isAlive());
        assertThat(sandbox.isAlive()).as("sandbox running; output:%n%s", String.join("\n", output())).isTrue();
        for (String line : output()) {
            Matcher m = URL_ROW.matcher(line);
            if (m.find()) {
                urls.put(m.group(1), m.group(2).replaceFirst("(/api/v1/\\w+|/v1\\.0)$", ""));
            }
        }
        assertThat(urls).containsKeys("kafka", "graph-simulator", "contact-service", "sync-orchestrator",
                "outlook-gateway", "scheduler-service");
        api = Api.asAdmin(urls.get("graph-simulator"));
        prometheus = startPrometheus();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor(STOP.toSeconds(), TimeUnit.SECONDS);
        }
        if (sandbox != null && sandbox.isAlive()) {
            // SIGTERM: the sandbox stops its processes in order and removes its data
            sandbox.toHandle().destroy();
            if (!sandbox.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
                sandbox.destroyForcibly();
            }
        }
        if (sandbox != null) {
            output().forEach(System.out::println);
        }
    }

    @Test
    void everyDashboardQueryAndEveryAlertSignalReturnsDataAndEveryRuleEvaluates() throws Exception {
        // Prometheus scrapes before and during the traffic, so that rates and quantiles see it change
        await("first scrape of every service").atMost(DATA).pollInterval(Duration.ofSeconds(1))
                .until(() -> query("up == 1").size() == SERVICES.size());
        makeTraffic();

        Map<String, String> queries = new LinkedHashMap<>();
        Monitoring.dashboardQueries().forEach((panel, exprs) -> exprs.forEach(e -> queries.put(e, "panel " + panel)));
        Monitoring.alerts().forEach(a -> queries.put(a.signal(), "alert " + a.name()));
        List<String> withoutData = new ArrayList<>();
        try {
            await("data for every query").atMost(DATA).pollInterval(Duration.ofSeconds(2)).until(() -> {
                withoutData.clear();
                queries.forEach((expr, where) -> {
                    if (!hasNumbers(query(expr))) {
                        withoutData.add(where + ": " + expr);
                    }
                });
                return withoutData.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no data after " + DATA.toSeconds() + " s for:\n  "
                    + String.join("\n  ", withoutData), e);
        }

        JsonNode rules = PROMETHEUS.get(prometheusUrl + "/api/v1/rules").ok("Prometheus' rules").json()
                .path("data").path("groups");
        Map<String, String> health = new LinkedHashMap<>();
        rules.forEach(g -> g.path("rules").forEach(r -> health.put(r.path("name").asString(),
                r.path("health").asString() + " " + r.path("lastError").asString(""))));
        assertThat(health.keySet()).containsExactlyInAnyOrderElementsOf(
                Monitoring.alerts().stream().map(Monitoring.Alert::name).toList());
        assertThat(health).allSatisfy((name, state) -> assertThat(state).as(name).startsWith("ok"));
    }

    /** The commands the sandbox prints under "Try:" work as printed: a token first, then the REST APIs with it. */
    @Test
    void theTryCommandsGetATokenAndCallTheApisWithIt() {
        JsonNode status = Api.JSON.readTree(Repo.runOk("bash", "-c", tryLine("TOKEN=$(") + "\n"
                + tryLine("curl -s -H \"Authorization: Bearer $TOKEN\" " + urls.get("sync-orchestrator")
                + "/api/v1/contact-sync/status")));
        assertThat(status.isArray()).as("every user's sync status: %s", status).isTrue();
        assertThat(status).extracting(u -> u.path("userId").asString()).contains("anna", "ben");
        String othersRuns = Repo.runOk("bash", "-c", tryLine("BEN=$(") + "\n"
                + tryLine("curl -s -o /dev/null -w '%{http_code}\\n' -H \"Authorization: Bearer $BEN\""));
        assertThat(othersRuns.strip()).as("Anna's runs with Ben's token").isEqualTo("403");
    }

    /** The first line under "Try:" that starts so, without its indentation. */
    private static String tryLine(String start) {
        List<String> lines = output();
        return lines.subList(lines.indexOf("Try:"), lines.size()).stream().map(String::strip)
                .filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + start + " under Try:"));
    }

    /**
     * Realtime contacts (writes to Graph, lag), with Graph throttling a share of Anna's requests meanwhile, and one
     * request that is not JSON, which contact-service dead-letters.
     */
    private static void makeTraffic() throws Exception {
        String simulator = urls.get("graph-simulator");
        api.send("PUT", simulator + "/_simulator/faults/anna@sandbox.example",
                Map.of("throttleRate", 0.4, "retryAfterSeconds", 0.2, "seed", 7)).ok("a throttling storm");
        for (int i = 0; i < 10; i++) {
            api.send("POST", urls.get("contact-service") + "/api/v1/contacts", Map.of("type", "PERSON",
                    "firstName", "Monitoring", "surname", "Check " + i, "email", "monitoring.check." + i
                    + "@example.com", "city", "Berlin", "salespersonCode", "JR")).ok("creating a contact");
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, urls.get("kafka"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>("bc.contact.requests.v1", "monitoring-check",
                    "not json".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
        }
        // Throttled until the gateway has met the 429s and Prometheus has scraped its count of them
        await("throttled Graph requests, scraped").atMost(DATA).pollInterval(Duration.ofSeconds(1))
                .until(() -> api.get(simulator + "/_simulator/stats").ok("the simulator's statistics").json()
                        .path("causes").path("ThrottleStorm").asInt() > 0
                        && !query("sum(contactsync_graph_throttled_total) > 0").isEmpty());
        api.send("DELETE", simulator + "/_simulator/faults/anna@sandbox.example", Map.of()).ok("ending the storm");
    }

    /** The sandbox as a person starts it, its output in a file (printed at the end: the test's log shows it). */
    private static Process launchSandbox() throws IOException {
        Process process = new ProcessBuilder(Repo.path("bin/sandbox").toString(), "--ports", "auto",
                "--demo-size", "40").redirectErrorStream(true).redirectOutput(sandboxLog().toFile()).start();
        process.getOutputStream().close();
        return process;
    }

    private static Path sandboxLog() {
        return work.resolve("sandbox.log");
    }

    private static List<String> output() {
        try {
            return Files.readAllLines(sandboxLog(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Process startPrometheus() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        prometheusUrl = "http://127.0.0.1:" + port;
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: contact-sync
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: [%s]
                """.formatted(Repo.path(Monitoring.RULES), SERVICES.stream()
                .map(s -> urls.get(s).replaceFirst("^http://", "")).collect(Collectors.joining(", "))));
        Process process = new ProcessBuilder("prometheus", "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        await("prometheus ready").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(process.isAlive()).as("prometheus running; log:%n%s",
                            Files.readString(work.resolve("prometheus.log"))).isTrue();
                    return PROMETHEUS.status(prometheusUrl + "/-/ready") == 200;
                });
        return process;
    }

    /** The result vector of an instant query; fails on a query Prometheus refuses. */
    private static JsonNode query(String expr) {
        JsonNode answer = PROMETHEUS.get(prometheusUrl + "/api/v1/query?query=" + Api.encode(expr)).json();
        assertThat(answer.path("status").asString()).as("%s: %s", expr, answer).isEqualTo("success");
        return answer.path("data").path("result");
    }

    /** At least one series with a value that is a number (a rate over no change of a quantile is NaN). */
    private static boolean hasNumbers(JsonNode result) {
        for (JsonNode series : result) {
            String value = series.path("value").path(1).asString();
            if (!value.equals("NaN") && !value.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}

package com.contactsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml: valid for Debian's docker-compose (v1, whose syntax v2 accepts too), and consistent with the
 * services and the monitoring files it mounts.
 */
class ComposeFileTest {

    private static Map<String, Object> config;

    @BeforeAll
    static void resolve() {
        Repo.requireTools("docker-compose");
        // With the simulator's profile: every service, each with its environment interpolated, paths absolute
        config = new Yaml().load(Repo.runOk("docker-compose", "--profile", "simulator", "config"));
    }

    @Test
    void validatesWithDockerComposeV1WithAndWithoutTheSimulatorProfile() {
        Repo.runOk("docker-compose", "config", "-q");
        Repo.runOk("docker-compose", "--profile", "simulator", "config", "-q");
        Map<String, Object> raw = new Yaml().load(Repo.read("docker-compose.yml"));
        assertThat(raw).as("keys docker-compose v1 refuses or v2 ignores").doesNotContainKeys("name", "develop",
                "version");
    }

    @Test
    void runsKafkaPostgresTheFourServicesTheSimulatorInAProfilePrometheusAndGrafana() {
        assertThat(services().keySet()).containsExactlyInAnyOrder("kafka", "postgres", "contact-service",
                "sync-orchestrator", "outlook-gateway", "scheduler-service", "graph-simulator", "prometheus",
                "grafana");
        assertThat(image("kafka")).startsWith("apache/kafka:");
        assertThat(image("postgres")).isEqualTo("postgres:15");
        assertThat(service("graph-simulator").get("profiles")).isEqualTo(List.of("simulator"));
        // The gateway accepts http only on loopback: the simulator shares its network
        assertThat(service("graph-simulator").get("network_mode")).isEqualTo("service:outlook-gateway");
        assertThat(environment("outlook-gateway").get("CONTACTSYNC_GRAPH_BASEURL"))
                .isEqualTo("http://127.0.0.1:8089/v1.0");
        assertThat(Repo.read("bin/build-images")).contains("jib-maven-plugin");
    }

    @Test
    void everyEnvironmentVariableOfAServiceBindsToOneOfItsConfigurationProperties() {
        List<String> unknown = new ArrayList<>();
        for (ServiceConfig service : ServiceConfig.SERVICES) {
            SpringProperties known = SpringProperties.of(service);
            environment(service.name()).keySet().stream().filter(v -> !known.binds(v))
                    .forEach(v -> unknown.add(service.name() + ": " + v));
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyServiceAcceptsTheSimulatorsTokensByDefaultAndTheOrchestratorSignsInThere() {
        String simulator = "http://outlook-gateway:8089/sandbox";
        for (ServiceConfig service : ServiceConfig.SERVICES) {
            assertThat(environment(service.name())).as(service.name())
                    .containsEntry("CONTACTSYNC_SECURITY_ISSUER", "https://login.contactsync.invalid/sandbox/v2.0")
                    .containsEntry("CONTACTSYNC_SECURITY_JWKSETURI", simulator + "/discovery/v2.0/keys");
        }
        assertThat(environment("sync-orchestrator"))
                .containsEntry("CONTACTSYNC_SECURITY_CLIENT_TOKENURI", simulator + "/oauth2/v2.0/token")
                .containsEntry("CONTACTSYNC_ORCHESTRATOR_GATEWAYURL", "http://outlook-gateway:8083");
    }

    @Test
    void servicesPublishTheirOwnPortsAndDatabasesExistInTheInitScript() {
        String initScript = Repo.read("dev/compose/postgres-init.sql");
        for (ServiceConfig service : ServiceConfig.SERVICES) {
            assertThat(ports(service.name())).as(service.name()).contains(service.port());
            Object url = environment(service.name()).get("SPRING_DATASOURCE_URL");
            if (url != null) {
                String database = url.toString().substring(url.toString().lastIndexOf('/') + 1);
                assertThat(initScript).as("database of " + service.name()).contains("CREATE DATABASE " + database + ";");
            }
        }
    }

    @Test
    void prometheusScrapesEveryServiceAndLoadsTheKubernetesRulesAndGrafanaTheKubernetesDashboards() {
        Map<String, Object> prometheus = new Yaml().load(Repo.read("dev/compose/prometheus.yml"));
        Map<String, Object> job = first(prometheus, "scrape_configs");
        assertThat(job.get("metrics_path")).isEqualTo(ServiceConfig.named("contact-service").actuatorPath("prometheus"));
        Map<String, Object> staticConfig = first(job, "static_configs");
        assertThat(staticConfig.get("targets")).asInstanceOf(LIST)
                .containsExactlyInAnyOrderElementsOf(ServiceConfig.SERVICES.stream()
                        .map(s -> s.name() + ":" + s.port()).toList());
        ServiceConfig.SERVICES.forEach(s -> assertThat(s.exposes("prometheus")).as(s.name()).isTrue());
        assertThat(volumes("prometheus")).anyMatch(v -> v.startsWith(Repo.path("k8s/monitoring/alerts.rules.yml")
                + ":/etc/prometheus/rules/"));
        assertThat(volumes("grafana")).anyMatch(v -> v.startsWith(Repo.path("k8s/monitoring/dashboards") + ":"));
    }

    @Test
    void everyFileItMountsExists() {
        for (String name : services().keySet()) {
            for (String volume : volumes(name)) {
                String source = volume.substring(0, volume.indexOf(':'));
                if (source.startsWith("/")) {
                    assertThat(Path.of(source)).as(name + " mounts").exists();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() {
        return (Map<String, Object>) config.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        return (Map<String, Object>) services().get(name);
    }

    private static String image(String name) {
        return service(name).get("image").toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String name) {
        return (Map<String, Object>) service(name).getOrDefault("environment", Map.of());
    }

    /** Published and container ports, as v1 lists them ({@code "8081:8081/tcp"} or a mapping). */
    private static List<Integer> ports(String name) {
        List<Integer> ports = new ArrayList<>();
        for (Object port : (List<?>) service(name).getOrDefault("ports", List.of())) {
            if (port instanceof Map<?, ?> map) {
                ports.add(Integer.parseInt(map.get("target").toString()));
            } else {
                String text = port.toString().replaceAll("/.*", "");
                ports.add(Integer.parseInt(text.substring(text.lastIndexOf(':') + 1)));
            }
        }
        return ports;
    }

    /** Bind mounts as {@code source:target[:mode]}, whichever syntax the config prints. */
    private static List<String> volumes(String name) {
        List<String> volumes = new ArrayList<>();
        for (Object volume : (List<?>) service(name).getOrDefault("volumes", List.of())) {
            if (volume instanceof Map<?, ?> map) {
                volumes.add(map.get("source") + ":" + map.get("target"));
            } else {
                volumes.add(volume.toString());
            }
        }
        return volumes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> map, String key) {
        return ((List<Map<String, Object>>) map.get(key)).get(0);
    }
}

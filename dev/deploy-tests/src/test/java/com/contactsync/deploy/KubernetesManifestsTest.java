package com.contactsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contracts.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * k8s/: the {@code dev} and {@code prod} overlays, rendered with {@code kubectl kustomize} and read with fabric8's
 * model, against what the services and the contracts declare.
 */
class KubernetesManifestsTest {

    private static final List<String> STRIMZI_TOPIC_SPEC = List.of("partitions", "replicas", "config", "topicName");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyFieldIsOneTheKubernetesModelKnows(String overlay) {
        Manifests manifests = render(overlay);

        assertThat(manifests.all()).isNotEmpty();
        assertThat(manifests.unknownFields()).isEmpty();
        assertThat(manifests.of(GenericKubernetesResource.class)).as("only Strimzi's topics lack a typed model")
                .allMatch(r -> r.getKind().equals("KafkaTopic"));
    }

    @Test
    void aMisspeltFieldIsFound() {
        Manifests manifests = Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    spec:
                      containers:
                        - name: x
                          readinesProbe: {httpGet: {path: /, port: 80}}
                """);

        assertThat(manifests.unknownFields()).containsExactly("Deployment/x:spec.template.spec.containers[0].readinesProbe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void probesAndPortsAreWhereEachServiceServesThem(String overlay) {
        Manifests manifests = render(overlay);

        for (ServiceConfig config : ServiceConfig.SERVICES) {
            Deployment deployment = manifests.named(Deployment.class, config.name());
            Container container = container(deployment);
            assertThat(container.getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getName()).isEqualTo("http");
                assertThat(p.getContainerPort()).as(config.name() + " server.port").isEqualTo(config.port());
            });
            assertThat(environment(manifests, container)).doesNotContainKeys("SERVER_PORT", "MANAGEMENT_SERVER_PORT");
            assertThat(config.exposes("health")).as(config.name() + " exposes health").isTrue();
            assertThat(probesEnabled(manifests, config, container)).as(config.name() + " probes enabled").isTrue();
            assertProbe(container.getReadinessProbe(), config.actuatorPath("health/readiness"));
            assertProbe(container.getLivenessProbe(), config.actuatorPath("health/liveness"));
            assertProbe(container.getStartupProbe(), config.actuatorPath("health/liveness"));

            Service service = manifests.named(Service.class, config.name());
            assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getPort()).isEqualTo(config.port());
                assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void podsRunAsNonRootOnReadOnlyFilesystemsWithResources(String overlay) {
        for (Deployment deployment : render(overlay).of(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = container(deployment);
            String name = deployment.getMetadata().getName();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
            // The JVM writes temporary files: /tmp is an emptyDir
            String tmp = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " mounts no /tmp")).getName();
            assertThat(pod.getVolumes()).anyMatch(v -> v.getName().equals(tmp) && v.getEmptyDir() != null);
            assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(name).containsKey("memory");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyEnvironmentVariableBindsToAConfigurationPropertyOfItsService(String overlay) {
        Manifests manifests = render(overlay);
        List<String> unknown = new ArrayList<>();
        for (ServiceConfig config : ServiceConfig.SERVICES) {
            SpringProperties known = SpringProperties.of(config);
            environment(manifests, container(manifests.named(Deployment.class, config.name()))).keySet().stream()
                    .filter(v -> !known.binds(v)).forEach(v -> unknown.add(config.name() + ": " + v));
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void theBindingCheckRefusesWhatSpringWouldIgnore() {
        SpringProperties gateway = SpringProperties.of(ServiceConfig.named("outlook-gateway"));
        SpringProperties contacts = SpringProperties.of(ServiceConfig.named("contact-service"));

        assertThat(gateway.binds("CONTACTSYNC_GRAPH_AUTH_CLIENTSECRET")).isTrue();
        assertThat(gateway.binds("CONTACTSYNC_GRAPH_AUTH_CLIENT_SECRET")).as("Spring Boot's legacy form").isTrue();
        assertThat(gateway.binds("CONTACTSYNC_GRAPH_AUTH_CLIENTSECRETS")).isFalse();
        assertThat(gateway.binds("CONTACTSYNC_GRAPH_BASE_URI")).isFalse();
        assertThat(gateway.binds("CONTACTSYNC_CONTACTS_EVENTSTOPIC")).as("another service's property").isFalse();
        assertThat(contacts.binds("CONTACTSYNC_CONTACTS_EVENTSTOPIC")).isTrue();
        assertThat(contacts.binds("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(contacts.binds("SPRING_DATASOURCE_URI")).isFalse();
        assertThat(contacts.binds("MANAGEMENT_METRICS_TAGS_REGION")).as("a map property takes any key").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void secretsAreReferencedNeverCommitted(String overlay) {
        Manifests manifests = render(overlay);
        assertThat(manifests.of(Secret.class)).isEmpty();
        Set<String> referenced = new TreeSet<>();
        for (Deployment deployment : manifests.of(Deployment.class)) {
            for (EnvVar variable : container(deployment).getEnv()) {
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    referenced.add(variable.getValueFrom().getSecretKeyRef().getName());
                }
            }
            assertThat(container(deployment).getEnv()).as("credentials only from secrets")
                    .filteredOn(v -> v.getName().matches(".*(PASSWORD|SECRET).*"))
                    .allMatch(v -> v.getValue() == null && v.getValueFrom().getSecretKeyRef() != null);
        }
        assertThat(referenced).contains("contact-sync-graph", "contact-service-db", "sync-orchestrator-db",
                "scheduler-service-db");
        // The runbook says how to create each of them
        String runbook = Repo.read("docs/operations.md");
        assertThat(referenced).allMatch(runbook::contains);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceAcceptsEntraIdTokensAndTheOrchestratorSignsInWithAClientFromASecret(String overlay) {
        Manifests manifests = render(overlay);
        for (ServiceConfig config : ServiceConfig.SERVICES) {
            Map<String, String> env = environment(manifests, container(manifests.named(Deployment.class,
                    config.name())));
            assertThat(env.get("CONTACTSYNC_SECURITY_ISSUER")).as(config.name())
                    .matches("https://login\\.microsoftonline\\.com/[^/]+/v2\\.0");
            assertThat(env.get("CONTACTSYNC_SECURITY_JWKSETURI")).as(config.name())
                    .matches("https://login\\.microsoftonline\\.com/[^/]+/discovery/v2\\.0/keys");
            assertThat(env).as(config.name()).containsKey("CONTACTSYNC_SECURITY_AUDIENCE");
        }
        Container orchestrator = container(manifests.named(Deployment.class, "sync-orchestrator"));
        assertThat(environment(manifests, orchestrator).get("CONTACTSYNC_SECURITY_CLIENT_TOKENURI"))
                .matches("https://login\\.microsoftonline\\.com/[^/]+/oauth2/v2\\.0/token");
        assertThat(environment(manifests, orchestrator).get("CONTACTSYNC_ORCHESTRATOR_GATEWAYURL"))
                .isEqualTo("http://outlook-gateway:" + ServiceConfig.named("outlook-gateway").port());
        assertThat(orchestrator.getEnv()).filteredOn(v -> v.getName().startsWith("CONTACTSYNC_SECURITY_CLIENT_CLIENT"))
                .extracting(v -> v.getValueFrom().getSecretKeyRef().getName())
                .containsExactly("contact-sync-api-client", "contact-sync-api-client");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicAndItsDeadLetterTwinHasAStrimziKafkaTopic(String overlay) {
        Map<String, GenericKubernetesResource> topics = new HashMap<>();
        for (GenericKubernetesResource topic : render(overlay).generic("KafkaTopic")) {
            assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(topic.getMetadata().getLabels()).containsKey("strimzi.io/cluster");
            Map<String, Object> spec = spec(topic);
            assertThat(STRIMZI_TOPIC_SPEC).as("fields of KafkaTopic.spec").containsAll(spec.keySet());
            assertThat((Integer) spec.get("partitions")).isPositive();
            assertThat((Integer) spec.get("replicas")).isPositive();
            topics.put((String) spec.getOrDefault("topicName", topic.getMetadata().getName()), topic);
        }
        List<String> expected = Topics.ALL.stream().flatMap(t -> Stream.of(t, Topics.dlq(t))).toList();
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(config(topics.get(Topics.BC_CONTACT_EVENTS))).containsEntry("cleanup.policy", "compact");
        for (String topic : expected) {
            if (!topic.equals(Topics.BC_CONTACT_EVENTS)) {
                assertThat(config(topics.get(topic))).as(topic).containsEntry("cleanup.policy", "delete")
                        .containsKey("retention.ms");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void gatewayAndOrchestratorAutoscaleAndEveryServiceHasADisruptionBudget(String overlay) {
        Manifests manifests = render(overlay);
        assertThat(manifests.of(HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef()
                .getName()).containsExactlyInAnyOrder("outlook-gateway", "sync-orchestrator");
        for (Deployment deployment : manifests.of(Deployment.class)) {
            assertThat(manifests.of(PodDisruptionBudget.class)).as(deployment.getMetadata().getName())
                    .anyMatch(p -> p.getSpec().getSelector().getMatchLabels().entrySet()
                            .containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()));
            // The network policies select every pod by this label
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/part-of", "contact-sync");
        }
        assertThat(manifests.of(NetworkPolicy.class)).anyMatch(p -> p.getSpec().getPolicyTypes()
                .containsAll(List.of("Ingress", "Egress")) && p.getSpec().getIngress().isEmpty()
                && p.getSpec().getPodSelector().getMatchLabels().equals(Map.of("app.kubernetes.io/part-of",
                "contact-sync")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceIsScrapedAndTheRulesAndDashboardAreThoseOfK8sMonitoring(String overlay) {
        Manifests manifests = render(overlay);
        for (ServiceConfig config : ServiceConfig.SERVICES) {
            Service service = manifests.named(Service.class, config.name());
            ServiceMonitor monitor = manifests.named(ServiceMonitor.class, config.name());
            assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(
                    monitor.getSpec().getSelector().getMatchLabels());
            assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(e -> {
                assertThat(e.getPath()).isEqualTo(config.actuatorPath("prometheus"));
                assertThat(e.getPort()).isEqualTo(service.getSpec().getPorts().get(0).getName());
                assertThat(e.getHonorLabels()).isTrue();
            });
            assertThat(config.exposes("prometheus")).as(config.name()).isTrue();
        }
        PrometheusRule rule = manifests.named(PrometheusRule.class, "contact-sync");
        Map<String, Object> rulesFile = new Yaml().load(Repo.read("k8s/monitoring/alerts.rules.yml"));
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(json.writeValueAsString(rulesFile.get("groups"))))
                .as("PrometheusRule equals alerts.rules.yml")
                .isEqualTo(json.readTree(new KubernetesSerialization()
                        .asJson(rule.getSpec().getGroups())));
        ConfigMap dashboards = manifests.named(ConfigMap.class, "contact-sync-dashboards");
        assertThat(dashboards.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboards.getData()).containsEntry("contact-sync.json",
                Repo.read("k8s/monitoring/dashboards/contact-sync.json"));
    }

    private static Manifests render(String overlay) {
        return Manifests.render("k8s/overlays/" + overlay);
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    /** The container's environment: its own variables and the keys of the ConfigMaps it takes whole. */
    private static Map<String, String> environment(Manifests manifests, Container container) {
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            assertThat(source.getConfigMapRef()).as("envFrom takes ConfigMaps only").isNotNull();
            env.putAll(manifests.named(ConfigMap.class, source.getConfigMapRef().getName()).getData());
        }
        container.getEnv().forEach(v -> env.put(v.getName(), v.getValue()));
        return env;
    }

    private static boolean probesEnabled(Manifests manifests, ServiceConfig config, Container container) {
        return Boolean.TRUE.equals(config.property("management.endpoint.health.probes.enabled"))
                || "true".equals(environment(manifests, container).get("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED"));
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(GenericKubernetesResource topic) {
        return (Map<String, Object>) spec(topic).get("config");
    }
}

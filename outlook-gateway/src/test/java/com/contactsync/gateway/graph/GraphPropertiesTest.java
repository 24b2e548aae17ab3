package com.contactsync.gateway.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code contactsync.graph.*} as Spring binds it from configuration. */
class GraphPropertiesTest {

    private static final Map<String, String> CLIENT_SECRET = Map.of(
            "contactsync.graph.auth.tenant-id", "contoso.onmicrosoft.com",
            "contactsync.graph.auth.client-id", "app-id",
            "contactsync.graph.auth.client-secret", "s3cr3t-value");

    @Test
    void defaultsAreGraphV1WithClientSecretAndGraphsAppOnlyScope() {
        GraphProperties properties = bind(CLIENT_SECRET);

        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.baseUrl()).isEqualTo(URI.create("https://graph.microsoft.com/v1.0"));
        assertThat(properties.auth().kind()).isEqualTo(GraphProperties.AuthKind.CLIENT_SECRET);
        assertThat(properties.auth().scope()).isEqualTo("https://graph.microsoft.com/.default");
        assertThat(properties.allowedHosts()).containsExactly("graph.microsoft.com");
    }

    @Test
    void allowedHostsFollowTheBaseUrlSoTheTokenReachesANationalCloudOrTheSimulator() {
        assertThat(bind(with(CLIENT_SECRET, "contactsync.graph.base-url", "https://graph.microsoft.us/beta")).allowedHosts())
                .containsExactly("graph.microsoft.us");
        assertThat(bind(simulator("http://localhost:8089/v1.0", "http://localhost:8089/sandbox/oauth2/v2.0/token")).allowedHosts())
                .containsExactly("localhost");
    }

    @ParameterizedTest
    @CsvSource({"https://graph.microsoft.com", "https://graph.microsoft.com/", "https://graph.microsoft.com/v1.0/",
            "https://graph.microsoft.com/v2.0", "https://proxy.example/graph/v1.0"})
    void baseUrlNotEndingInV1OrBetaIsRefused(String baseUrl) {
        assertRefused(with(CLIENT_SECRET, "contactsync.graph.base-url", baseUrl), "must end with /v1.0 or /beta");
    }

    @Test
    void plainHttpIsRefusedOffLoopbackForGraphAndForTheTokenEndpoint() {
        assertRefused(simulator("http://simulator.internal:8089/v1.0", "http://localhost:8089/t/oauth2/v2.0/token"), "must use https");
        assertRefused(simulator("http://localhost:8089/v1.0", "http://simulator.internal:8089/t/oauth2/v2.0/token"), "must use https");
        assertThat(bind(simulator("http://127.0.0.1:8089/v1.0", "http://127.0.0.1:8089/t/oauth2/v2.0/token")).auth().tokenUrl())
                .hasHost("127.0.0.1");
    }

    @ParameterizedTest
    @CsvSource({
            "client-secret, tenant-id",
            "client-secret, client-secret",
            "certificate, certificate-path",
            "simulator, token-url",
            "simulator, client-secret"})
    void eachAuthKindRequiresItsSettings(String kind, String missing) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "contactsync.graph.auth.kind", kind,
                "contactsync.graph.auth.tenant-id", "t",
                "contactsync.graph.auth.client-id", "c",
                "contactsync.graph.auth.client-secret", "s",
                "contactsync.graph.auth.certificate-path", "/etc/graph/cert.pem",
                "contactsync.graph.auth.token-url", "http://localhost:8089/t/oauth2/v2.0/token"));
        settings.remove("contactsync.graph.auth." + missing);

        assertRefused(settings, "contactsync.graph.auth." + missing + " is required for auth kind " + kind);
    }

    @Test
    void workloadIdentityNeedsNoSettingsBecauseThePodEnvironmentHasThem() {
        assertThat(bind(Map.of("contactsync.graph.auth.kind", "workload-identity")).auth().kind())
                .isEqualTo(GraphProperties.AuthKind.WORKLOAD_IDENTITY);
    }

    @Test
    void toStringNeverShowsTheSecretOrTheCertificatePassword() {
        GraphProperties properties = bind(with(with(CLIENT_SECRET, "contactsync.graph.auth.certificate-password", "pfx-pass"),
                "contactsync.graph.auth.certificate-path", "/etc/graph/cert.pfx"));

        assertThat(properties.toString()).doesNotContain("s3cr3t-value").doesNotContain("pfx-pass").contains("app-id");
    }

    private static GraphProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("contactsync.graph", GraphProperties.class);
    }

    private static void assertRefused(Map<String, String> settings, String message) {
        assertThatThrownBy(() -> bind(settings)).isInstanceOf(BindException.class).rootCause().hasMessageContaining(message);
    }

    private static Map<String, String> simulator(String baseUrl, String tokenUrl) {
        return Map.of(
                "contactsync.graph.base-url", baseUrl,
                "contactsync.graph.auth.kind", "simulator",
                "contactsync.graph.auth.token-url", tokenUrl,
                "contactsync.graph.auth.client-id", "contactsync-sandbox",
                "contactsync.graph.auth.client-secret", "sandbox-secret");
    }

    private static Map<String, String> with(Map<String, String> settings, String name, String value) {
        Map<String, String> copy = new HashMap<>(settings);
        copy.put(name, value);
        return copy;
    }
}

package com.contactsync.gateway.graph;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Graph is and how the gateway signs in to it.
 *
 * @param baseUrl Graph's root, ending in {@code /v1.0} or {@code /beta}: the SDK builds request (and batch step)
 *                URLs from it; https except on loopback (the simulator)
 * @param connectTimeout how long to wait for a connection to Graph
 * @param readTimeout how long to wait for Graph's answer; a create that times out has an unknown outcome and is
 *                    looked up by its tag before it is tried again (S12)
 */
@Validated
@ConfigurationProperties("contactsync.graph")
public record GraphProperties(
        @DefaultValue("https://graph.microsoft.com/v1.0") @NotNull URI baseUrl,
        @DefaultValue @NotNull @Valid Auth auth,
        @DefaultValue("10s") @NotNull Duration connectTimeout,
        @DefaultValue("60s") @NotNull Duration readTimeout) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public GraphProperties {
        String path = baseUrl.getPath();
        if (!"/v1.0".equals(path) && !"/beta".equals(path)) {
            throw new IllegalArgumentException("contactsync.graph.base-url must end with /v1.0 or /beta, got " + baseUrl);
        }
        requireHttpsOffLoopback("contactsync.graph.base-url", baseUrl);
    }

    /** The hosts the SDK may send the access token to: only Graph's, as the base URL names it. */
    public List<String> allowedHosts() {
        return List.of(baseUrl.getHost());
    }

    public enum AuthKind {
        /** Entra ID app with a client secret (azure-identity). */
        CLIENT_SECRET,
        /** Entra ID app with a certificate, PEM or PFX/PKCS#12 (azure-identity). */
        CERTIFICATE,
        /** Kubernetes workload identity: federated token file and ids from the pod's environment (azure-identity). */
        WORKLOAD_IDENTITY,
        /** The graph simulator's own token endpoint: azure-identity and MSAL accept only https authorities. */
        SIMULATOR
    }

    /**
     * @param tenantId the Entra tenant; optional for workload identity (the pod's {@code AZURE_TENANT_ID})
     * @param clientId the application id; optional for workload identity (the pod's {@code AZURE_CLIENT_ID})
     * @param clientSecret for {@code client-secret} and {@code simulator}; never logged
     * @param certificatePath a PEM file, or a PFX/PKCS#12 file ({@code .pfx}, {@code .p12}) for {@code certificate}
     * @param certificatePassword the PFX file's password; never logged
     * @param federatedTokenFile for workload identity; optional, the pod's {@code AZURE_FEDERATED_TOKEN_FILE}
     * @param tokenUrl the simulator's {@code /{tenant}/oauth2/v2.0/token}; http only on loopback
     * @param scope what the token is for: Graph's app-only scope
     */
    public record Auth(
            @DefaultValue("client-secret") @NotNull AuthKind kind,
            String tenantId,
            String clientId,
            String clientSecret,
            String certificatePath,
            String certificatePassword,
            String federatedTokenFile,
            URI tokenUrl,
            @DefaultValue("https://graph.microsoft.com/.default") @NotBlank String scope) {

        public Auth {
            switch (kind) {
                case CLIENT_SECRET -> require(kind, "tenant-id", tenantId, "client-id", clientId, "client-secret", clientSecret);
                case CERTIFICATE -> require(kind, "tenant-id", tenantId, "client-id", clientId, "certificate-path", certificatePath);
                case WORKLOAD_IDENTITY -> {
                    // azure-identity takes whatever is not set here from the environment the workload-identity webhook sets
                }
                case SIMULATOR -> {
                    require(kind, "client-id", clientId, "client-secret", clientSecret);
                    if (tokenUrl == null) {
                        throw new IllegalArgumentException("contactsync.graph.auth.token-url is required for auth kind simulator");
                    }
                    requireHttpsOffLoopback("contactsync.graph.auth.token-url", tokenUrl);
                }
            }
        }

        private static void require(AuthKind kind, String... namesAndValues) {
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (namesAndValues[i + 1] == null || namesAndValues[i + 1].isBlank()) {
                    throw new IllegalArgumentException("contactsync.graph.auth." + namesAndValues[i] + " is required for auth kind "
                            + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            }
        }

        @Override
        public String toString() {
            return "Auth[kind=" + kind + ", tenantId=" + tenantId + ", clientId=" + clientId
                    + ", clientSecret=" + redacted(clientSecret) + ", certificatePath=" + certificatePath
                    + ", certificatePassword=" + redacted(certificatePassword) + ", federatedTokenFile=" + federatedTokenFile
                    + ", tokenUrl=" + tokenUrl + ", scope=" + scope + "]";
        }

        private static String redacted(String secret) {
            return secret == null ? null : "***";
        }
    }

    private static void requireHttpsOffLoopback(String property, URI uri) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean loopbackHttp = "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!https && !loopbackHttp) {
            throw new IllegalArgumentException(property + " must use https (plain http only on localhost, 127.0.0.1 or ::1), got " + uri);
        }
    }
}

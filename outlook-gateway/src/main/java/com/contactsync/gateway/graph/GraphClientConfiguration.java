package com.contactsync.gateway.graph;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestOption;
import com.microsoft.kiota.authentication.AzureIdentityAuthenticationProvider;
import com.microsoft.kiota.http.middleware.options.RetryHandlerOption;
import java.time.Clock;
import java.util.Locale;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The official Graph SDK client, signed in as configured and pointed at the configured Graph. */
@Configuration(proxyBeanMethods = false)
class GraphClientConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GraphClientConfiguration.class);

    @Bean
    TokenCredential graphCredential(GraphProperties properties) {
        return credential(properties.auth());
    }

    @Bean
    GraphServiceClient graphServiceClient(GraphProperties properties, TokenCredential graphCredential, GraphMetrics metrics) {
        log.info("Graph at {}, signing in with {}", properties.baseUrl(), properties.auth());
        // Without the explicit host list the SDK would silently send no token to anything but Graph's own hosts
        var authentication = new AzureIdentityAuthenticationProvider(graphCredential,
                properties.allowedHosts().toArray(String[]::new), properties.auth().scope());
        // The gateway retries itself, per mailbox and within each command's time: the SDK's retry handler would wait
        // out Retry-After (up to 180 s) holding the mailbox's slot, and send a create again after a 504 (S12)
        RequestOption[] noRetries = {new RetryHandlerOption((delay, attempt, request, response) -> false, 0, 0)};
        OkHttpClient http = GraphClientFactory.create(GraphClientFactory.createDefaultGraphInterceptors(noRetries))
                .addInterceptor(metrics.interceptor())
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .build();
        GraphServiceClient client = new GraphServiceClient(authentication, http);
        client.getRequestAdapter().setBaseUrl(properties.baseUrl().toString());
        return client;
    }

    static TokenCredential credential(GraphProperties.Auth auth) {
        return switch (auth.kind()) {
            case CLIENT_SECRET -> new ClientSecretCredentialBuilder()
                    .tenantId(auth.tenantId())
                    .clientId(auth.clientId())
                    .clientSecret(auth.clientSecret())
                    .build();
            case CERTIFICATE -> {
                var builder = new ClientCertificateCredentialBuilder().tenantId(auth.tenantId()).clientId(auth.clientId());
                String path = auth.certificatePath().toLowerCase(Locale.ROOT);
                if (path.endsWith(".pfx") || path.endsWith(".p12")) {
                    builder.pfxCertificate(auth.certificatePath()).clientCertificatePassword(auth.certificatePassword());
                } else {
                    builder.pemCertificate(auth.certificatePath());
                }
                yield builder.build();
            }
            case WORKLOAD_IDENTITY -> {
                var builder = new WorkloadIdentityCredentialBuilder();
                if (auth.tenantId() != null) {
                    builder.tenantId(auth.tenantId());
                }
                if (auth.clientId() != null) {
                    builder.clientId(auth.clientId());
                }
                if (auth.federatedTokenFile() != null) {
                    builder.tokenFilePath(auth.federatedTokenFile());
                }
                yield builder.build();
            }
            case SIMULATOR -> new SimulatorTokenCredential(auth.tokenUrl(), auth.clientId(), auth.clientSecret(), Clock.systemUTC());
        };
    }
}

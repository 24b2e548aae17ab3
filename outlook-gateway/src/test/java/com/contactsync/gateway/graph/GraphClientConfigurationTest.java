package com.contactsync.gateway.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.identity.ClientCertificateCredential;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.WorkloadIdentityCredential;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Each auth kind signs in through the credential meant for it; only the simulator's bypasses azure-identity. */
class GraphClientConfigurationTest {

    @Test
    void eachAuthKindBuildsItsCredential() {
        assertThat(GraphClientConfiguration.credential(auth(GraphProperties.AuthKind.CLIENT_SECRET, "/unused.pem")))
                .isInstanceOf(ClientSecretCredential.class);
        assertThat(GraphClientConfiguration.credential(auth(GraphProperties.AuthKind.CERTIFICATE, "/etc/graph/cert.pem")))
                .isInstanceOf(ClientCertificateCredential.class);
        assertThat(GraphClientConfiguration.credential(auth(GraphProperties.AuthKind.CERTIFICATE, "/etc/graph/CERT.PFX")))
                .isInstanceOf(ClientCertificateCredential.class);
        assertThat(GraphClientConfiguration.credential(auth(GraphProperties.AuthKind.WORKLOAD_IDENTITY, null)))
                .isInstanceOf(WorkloadIdentityCredential.class);
        assertThat(GraphClientConfiguration.credential(auth(GraphProperties.AuthKind.SIMULATOR, null)))
                .isInstanceOf(SimulatorTokenCredential.class);
    }

    private static GraphProperties.Auth auth(GraphProperties.AuthKind kind, String certificatePath) {
        return new GraphProperties.Auth(kind, "00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000002",
                "secret", certificatePath, "pfx-password", "/var/run/secrets/azure/tokens/azure-identity-token", URI.create("http://localhost:8089/sandbox/oauth2/v2.0/token"),
                "https://graph.microsoft.com/.default");
    }
}

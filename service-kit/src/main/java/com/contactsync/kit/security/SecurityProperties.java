package com.contactsync.kit.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the service's REST API: bearer JWTs of one issuer (Entra ID in production, the Graph simulator in
 * the sandbox). The defaults point at a simulator on this machine, as the other defaults point at a local Kafka and
 * PostgreSQL; a deployment sets its tenant's values.
 *
 * @param issuer the tokens' {@code iss}, e.g. {@code https://login.microsoftonline.com/<tenant-id>/v2.0}
 * @param jwkSetUri where the issuer publishes its signing keys, e.g.
 *     {@code https://login.microsoftonline.com/<tenant-id>/discovery/v2.0/keys}
 * @param audience what the tokens' {@code aud} must contain: the API's application ID URI or client id
 * @param adminRole the application role (in the {@code roles} claim) that may manage everything
 * @param userIdClaim the claim that carries a person's Business Central user id; without the admin role a caller
 *     manages only the user that claim names
 * @param client this service's own credentials for calling another service's API (client credentials)
 */
@Validated
@ConfigurationProperties("contactsync.security")
public record SecurityProperties(
        @DefaultValue("https://login.contactsync.invalid/sandbox/v2.0") @NotBlank String issuer,
        @DefaultValue("http://localhost:8089/sandbox/discovery/v2.0/keys") @NotNull URI jwkSetUri,
        @DefaultValue("api://contact-sync") @NotBlank String audience,
        @DefaultValue("ContactSync.Admin") @NotBlank String adminRole,
        @DefaultValue("bc_user_id") @NotBlank String userIdClaim,
        @DefaultValue @Valid @NotNull Client client) {

    /**
     * @param tokenUri the issuer's token endpoint
     * @param clientId this service's application (client) id
     * @param clientSecret its secret: from the environment or a Kubernetes Secret only, never in a file of the project
     * @param scope what to ask for: the API's {@code <application ID URI>/.default}
     */
    public record Client(
            @DefaultValue("http://localhost:8089/sandbox/oauth2/v2.0/token") @NotNull URI tokenUri,
            @DefaultValue("contactsync-sandbox") @NotBlank String clientId,
            String clientSecret,
            @DefaultValue("api://contact-sync/.default") @NotBlank String scope) {

        @Override
        public String toString() {
            return "Client[tokenUri=" + tokenUri + ", clientId=" + clientId + ", clientSecret="
                    + (clientSecret == null ? "(none)" : "***") + ", scope=" + scope + "]";
        }
    }
}

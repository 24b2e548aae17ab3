package com.contactsync.graphsim;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulator as the sandbox's issuer of Contact Sync API tokens (what Entra ID is in production).
 *
 * @param issuer the tokens' {@code iss}; {@code {tenant}} stands for the tenant. A fixed name rather than the
 *     simulator's address, so that a token is the same whichever host name a client reached the simulator by
 * @param audience the tokens' {@code aud}; client credentials for the scope {@code <audience>/.default} get one
 * @param adminRole the application role an application token carries
 * @param userIdClaim the claim that carries a person's BC user id
 */
public record GraphSimApiSettings(
        @DefaultValue("https://login.contactsync.invalid/{tenant}/v2.0") @NotBlank String issuer,
        @DefaultValue("api://contact-sync") @NotBlank String audience,
        @DefaultValue("ContactSync.Admin") @NotBlank String adminRole,
        @DefaultValue("bc_user_id") @NotBlank String userIdClaim) {
}

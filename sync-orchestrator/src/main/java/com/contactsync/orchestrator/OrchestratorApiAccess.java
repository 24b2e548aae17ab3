package com.contactsync.orchestrator;

import com.contactsync.kit.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * A person manages their own sync setup and runs; admins everything. The user record itself (and with it the
 * mailbox a user's sync writes to) is admin-only to change, so no request can point a sync at someone else's
 * mailbox.
 */
@Configuration(proxyBeanMethods = false)
class OrchestratorApiAccess {

    @Bean
    ApiAccessRules orchestratorApiRules() {
        return exchanges -> {
            exchanges.pathMatchers(HttpMethod.GET, "/api/v1/users/{userId}").access(ApiAccessRules.adminOrSelf("userId"));
            // "/{userId}/**" would match the user record itself too
            exchanges.pathMatchers("/api/v1/users/{userId}").hasRole(ApiAccessRules.ADMIN);
            exchanges.pathMatchers("/api/v1/users/{userId}/**").access(ApiAccessRules.adminOrSelf("userId"));
            exchanges.pathMatchers("/api/**").hasRole(ApiAccessRules.ADMIN);
        };
    }
}

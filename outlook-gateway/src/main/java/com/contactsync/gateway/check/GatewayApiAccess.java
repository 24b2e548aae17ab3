package com.contactsync.gateway.check;

import com.contactsync.kit.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway names mailboxes directly, so only admins (in practice the orchestrator's own application token) may
 * call it: a person reaches it only through the orchestrator, which takes the mailbox from their user record.
 */
@Configuration(proxyBeanMethods = false)
class GatewayApiAccess {

    @Bean
    ApiAccessRules gatewayApiRules() {
        return exchanges -> exchanges.pathMatchers("/api/**").hasRole(ApiAccessRules.ADMIN);
    }
}

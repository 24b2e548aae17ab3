package com.contactsync.contacts.contacts;

import com.contactsync.kit.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Business Central's contacts are company data, written by BC and other systems (application tokens with the admin
 * role) and not a salesperson's own setup: the whole API is for admins.
 */
@Configuration(proxyBeanMethods = false)
class ContactApiAccess {

    @Bean
    ApiAccessRules contactApiRules() {
        return exchanges -> exchanges.pathMatchers("/api/**").hasRole(ApiAccessRules.ADMIN);
    }
}

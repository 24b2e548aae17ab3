package com.contactsync.kit.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/**
 * A service's own access rules, applied before the kit's default that every other request needs a valid token.
 * Rules that depend on what the request is about (a schedule's user) are checked where that is known, with
 * {@link Caller}.
 */
@FunctionalInterface
public interface ApiAccessRules {

    /** The authority the admin role maps to: {@code hasRole(ADMIN)}. */
    String ADMIN = "ADMIN";

    void apply(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);

    /** Admins, or the person whose BC user id is the path variable {@code variable}. */
    static ReactiveAuthorizationManager<AuthorizationContext> adminOrSelf(String variable) {
        return (authentication, context) -> authentication
                .ofType(CallerAuthentication.class)
                .<AuthorizationResult>map(caller -> new AuthorizationDecision(
                        caller.caller().mayManage((String) context.getVariables().get(variable))))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }
}

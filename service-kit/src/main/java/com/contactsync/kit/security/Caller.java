package com.contactsync.kit.security;

import com.contactsync.kit.web.ApiProblem;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import reactor.core.publisher.Mono;

/**
 * Who sent the request, as the token says: an admin (the admin application role: operators, other systems, our own
 * services) or a person acting for one Business Central user.
 *
 * @param subject the token's {@code sub}, for audit
 * @param userId the BC user id the token names; null for an application
 */
public record Caller(String subject, String userId, boolean admin) {

    /** The caller of the request being served. */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .ofType(CallerAuthentication.class)
                .map(CallerAuthentication::caller)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no authenticated caller: the request did not pass the security filter chain")));
    }

    /** BC user ids are case-insensitive, as in Business Central. */
    public boolean mayManage(String user) {
        return admin || (userId != null && user != null && userId.equalsIgnoreCase(user));
    }

    /** Throws a 403 problem unless the caller may manage that user's setup, runs and schedules. */
    public void requireMayManage(String user) {
        if (!mayManage(user)) {
            throw ApiProblem.forbidden(user == null
                    ? "Only an admin may manage what applies to every user."
                    : "You may manage only your own contact sync, not user " + user + "'s.");
        }
    }
}

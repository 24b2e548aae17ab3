package com.contactsync.kit.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A verified token with the {@link Caller} read from it once. */
final class CallerAuthentication extends JwtAuthenticationToken {

    private final transient Caller caller;

    CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities, caller.userId() != null ? caller.userId() : caller.subject());
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }
}

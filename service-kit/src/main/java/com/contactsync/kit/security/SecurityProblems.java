package com.contactsync.kit.security;

import com.contactsync.kit.web.ProblemResponses;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 and 403 as problem+json, like every other refusal of the API, with the {@code WWW-Authenticate} challenge
 * RFC 6750 asks for. The detail says what was wrong with the token (expired, wrong audience), never the token.
 */
final class SecurityProblems {

    private final ProblemResponses problems;

    SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException e) {
        boolean invalid = e instanceof InvalidBearerTokenException;
        String detail = invalid ? "The bearer token was refused: " + e.getMessage()
                : "This API needs an OAuth2 bearer token (Authorization: Bearer <JWT>).";
        String challenge = invalid ? "Bearer error=\"invalid_token\", error_description=\"" + quotable(e.getMessage()) + "\"" : "Bearer";
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", detail, Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    Mono<Void> forbidden(ServerWebExchange exchange, AccessDeniedException e) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden", "Your token does not allow "
                + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath()
                + ": it needs the admin role, or to be that user's own request.",
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\""));
    }

    private static String quotable(String message) {
        return message == null ? "" : message.replace("\\", "\\\\").replace("\"", "'");
    }
}

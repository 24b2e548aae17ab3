package com.contactsync.graphsim.auth;

import com.contactsync.graphsim.error.GraphException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Graph refuses every {@code /v1.0} request that lacks a token its token endpoint issued, with 401. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BearerTokenFilter implements WebFilter {

    private static final String BEARER = "Bearer ";

    private final TokenService tokens;

    BearerTokenFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/v1.0/")) {
            return chain.filter(exchange);
        }
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.substring(BEARER.length()).isBlank()) {
            return Mono.error(GraphException.invalidToken("Access token is empty."));
        }
        String problem = tokens.problem(authorization.substring(BEARER.length()).trim());
        return problem == null ? chain.filter(exchange) : Mono.error(GraphException.invalidToken(problem));
    }
}

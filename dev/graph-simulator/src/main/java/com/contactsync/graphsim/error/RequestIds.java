package com.contactsync.graphsim.error;

import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request Graph's {@code request-id} and {@code client-request-id} response headers (the latter echoes
 * the client's, as Graph does) and keeps both for the error JSON's {@code innerError}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {

    static final String REQUEST_ID = "request-id";
    static final String CLIENT_REQUEST_ID = "client-request-id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = exchange.getRequest().getHeaders().getFirst(CLIENT_REQUEST_ID);
        if (clientRequestId == null || clientRequestId.isBlank()) {
            clientRequestId = requestId;
        }
        exchange.getAttributes().put(REQUEST_ID, requestId);
        exchange.getAttributes().put(CLIENT_REQUEST_ID, clientRequestId);
        exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
        exchange.getResponse().getHeaders().set(CLIENT_REQUEST_ID, clientRequestId);
        return chain.filter(exchange);
    }

    static String requestId(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(REQUEST_ID, "");
    }

    static String clientRequestId(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(CLIENT_REQUEST_ID, "");
    }
}

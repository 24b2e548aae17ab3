package com.contactsync.kit.web;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit with 413: at once when {@code Content-Length} says so, otherwise (chunked)
 * as soon as the bytes read pass it, so that no request makes a service buffer more than the limit.
 */
class RequestBodyLimit implements WebFilter, Ordered {

    private final long maxBytes;
    private final ProblemResponses problems;

    RequestBodyLimit(WebLimitsProperties limits, ProblemResponses problems) {
        this.maxBytes = limits.maxRequestBody().toBytes();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // before the security chain, so that even an unauthenticated sender cannot make the service read a huge body
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", tooLarge().getReason(), Map.of());
        }
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] read = {0};
                return super.getBody().handle((buffer, sink) -> {
                    read[0] += buffer.readableByteCount();
                    if (read[0] > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(tooLarge());
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than the "
                + maxBytes + " bytes this API accepts.");
    }
}

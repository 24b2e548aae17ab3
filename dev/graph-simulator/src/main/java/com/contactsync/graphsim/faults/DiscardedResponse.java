package com.contactsync.graphsim.faults;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A response the handler writes into and nobody receives: status, headers and body stay here, and the real
 * response is left uncommitted for the failure that replaces the answer.
 */
final class DiscardedResponse extends ServerHttpResponseDecorator {

    private final HttpHeaders headers = new HttpHeaders();
    private HttpStatusCode status;

    DiscardedResponse(ServerHttpResponse delegate) {
        super(delegate);
    }

    @Override
    public boolean setStatusCode(HttpStatusCode status) {
        this.status = status;
        return true;
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return status;
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        return Flux.from(body).doOnNext(DataBufferUtils::release).then();
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return writeWith(Flux.from(body).concatMap(Flux::from));
    }

    @Override
    public Mono<Void> setComplete() {
        return Mono.empty();
    }
}

package com.contactsync.graphsim.batch;

import java.net.URI;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;

/**
 * One request of a {@code $batch}, handed to the same web handler as a request from the network, so it passes
 * the same filters (authentication, limits, faults, statistics) and routes. It is its own native request, which is
 * how filters tell a batch step from a top-level request without trusting anything a client sent.
 */
public final class BatchStepRequest extends AbstractServerHttpRequest {

    private final byte[] body;
    private final DataBufferFactory buffers;

    BatchStepRequest(HttpMethod method, URI uri, HttpHeaders headers, byte[] body, DataBufferFactory buffers) {
        super(method, uri, null, headers);
        this.body = body;
        this.buffers = buffers;
    }

    /** Whether {@code request} (or what it decorates) is a step of a {@code $batch}. */
    public static boolean isBatchStep(ServerHttpRequest request) {
        return ServerHttpRequestDecorator.getNativeRequest(request) instanceof BatchStepRequest;
    }

    @Override
    public Flux<DataBuffer> getBody() {
        return body.length == 0 ? Flux.empty() : Flux.defer(() -> Flux.just(buffers.wrap(body)));
    }

    @Override
    protected MultiValueMap<String, HttpCookie> initCookies() {
        return new LinkedMultiValueMap<>();
    }

    @Override
    protected SslInfo initSslInfo() {
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getNativeRequest() {
        return (T) this;
    }
}

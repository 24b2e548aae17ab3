package com.contactsync.graphsim.batch;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The answer to one {@code $batch} step, kept in memory until the batch's response is written. */
final class BatchStepResponse extends AbstractServerHttpResponse {

    private volatile byte[] body = new byte[0];

    BatchStepResponse(DataBufferFactory buffers) {
        super(buffers);
    }

    byte[] body() {
        return body;
    }

    @Override
    protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> content) {
        return DataBufferUtils.join(content).doOnNext(joined -> {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            DataBufferUtils.release(joined);
            body = bytes;
        }).then();
    }

    @Override
    protected Mono<Void> writeAndFlushWithInternal(Publisher<? extends Publisher<? extends DataBuffer>> content) {
        return writeWithInternal(Flux.from(content).concatMap(Flux::from));
    }

    @Override
    protected void applyStatusCode() {
        // read through getStatusCode() once the step completes
    }

    @Override
    protected void applyHeaders() {
        // read through getHeaders() once the step completes
    }

    @Override
    protected void applyCookies() {
        // Graph's answers carry no cookies
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getNativeResponse() {
        return (T) this;
    }
}

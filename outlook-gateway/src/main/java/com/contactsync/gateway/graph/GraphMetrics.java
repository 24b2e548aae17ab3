package com.contactsync.gateway.graph;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.springframework.stereotype.Component;

/**
 * The gateway's Graph metrics:
 * <ul>
 *   <li>{@code contactsync.graph.requests} {@code operation}, {@code status}: every request Graph answered (or not:
 *       status {@code io_error}): each HTTP request (a {@code $batch} as operation {@code batch}) and each step of a
 *       batch with its own operation and status;</li>
 *   <li>{@code contactsync.graph.latency} {@code operation}, {@code outcome}: the time of each HTTP exchange (a batch
 *       is one), by status class ({@code 2xx}, {@code 4xx}, {@code 5xx}, {@code io_error}), so that fast refusals do not
 *       hide slow successes;</li>
 *   <li>{@code contactsync.graph.throttled} {@code code}: 429s and 503s by Graph's error code
 *       ({@code TooManyRequests}, {@code ApplicationThrottled}, ...);</li>
 *   <li>{@code contactsync.graph.retries} {@code operation}, {@code reason}: requests sent again
 *       ({@code throttled}, {@code server_error}, {@code no_answer}, {@code unknown_outcome}).</li>
 * </ul>
 */
@Component
public class GraphMetrics {

    private final MeterRegistry registry;

    GraphMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(GraphOperation operation, String status) {
        Counter.builder("contactsync.graph.requests").tag("operation", operation.tag()).tag("status", status)
                .description("Graph requests by operation and status, batch steps included").register(registry).increment();
    }

    void throttled(String code) {
        Counter.builder("contactsync.graph.throttled").tag("code", code == null ? "none" : code)
                .description("Graph answers 429 or 503 by error code").register(registry).increment();
    }

    void retried(GraphOperation operation, String reason) {
        Counter.builder("contactsync.graph.retries").tag("operation", operation.tag()).tag("reason", reason)
                .description("Graph requests sent again").register(registry).increment();
    }

    private static String outcome(String status) {
        return status.length() == 3 && Character.isDigit(status.charAt(0)) ? status.charAt(0) + "xx" : status;
    }

    /** Counts and times every HTTP exchange with Graph, at the end of the SDK's middleware, where statuses are final. */
    Interceptor interceptor() {
        return chain -> {
            Request request = chain.request();
            GraphOperation operation = GraphOperation.of(request.method(), request.url().encodedPath(), request.url().encodedQuery());
            Timer.Sample sample = Timer.start(registry);
            String status = "io_error";
            try {
                Response response = chain.proceed(request);
                status = Integer.toString(response.code());
                return response;
            } finally {
                sample.stop(Timer.builder("contactsync.graph.latency").tag("operation", operation.tag()).tag("outcome", outcome(status))
                        .description("Graph HTTP exchanges").register(registry));
                answered(operation, status);
            }
        };
    }
}

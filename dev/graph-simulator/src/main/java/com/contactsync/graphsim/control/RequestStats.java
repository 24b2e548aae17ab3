package com.contactsync.graphsim.control;

import com.contactsync.graphsim.batch.BatchStepRequest;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts the requests clients make, by method, path pattern, status and whether they came inside a {@code $batch}
 * (the batch itself counts too), so tests can assert how a client used Graph (how many writes, how many 429s).
 * The simulator's own controls are not counted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestStats implements WebFilter {

    /** Path segments after which Graph puts an item's id or a user's id or name. */
    private static final Set<String> COLLECTIONS = Set.of("users", "contactFolders", "contacts", "childFolders");

    private final ConcurrentMap<Key, LongAdder> counts = new ConcurrentHashMap<>();

    private static final String CAUSE = RequestStats.class.getName() + ".cause";

    /** @param cause why the simulator refused or failed the request on purpose; null when it did not */
    public record Key(String method, String path, int status, boolean batch, String cause) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Count(String method, String path, int status, boolean batch, String cause, long count) {
    }

    /**
     * Records why the simulator answers this request as it does when limits or injected faults decide it
     * ({@code MailboxConcurrency}, {@code RequestRate}, {@code ThrottleStorm}, {@code ServerError}, {@code CommitThenFail}).
     */
    public static void tag(ServerWebExchange exchange, String cause) {
        exchange.getAttributes().put(CAUSE, cause);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/_simulator/") || path.startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        // The status is final once the response commits, whichever filter or handler wrote it
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            Key key = new Key(exchange.getRequest().getMethod().name(), pattern(path), status == null ? 200 : status.value(),
                    BatchStepRequest.isBatchStep(exchange.getRequest()), exchange.getAttribute(CAUSE));
            counts.computeIfAbsent(key, k -> new LongAdder()).increment();
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** {@code /v1.0/users/a@b/contactFolders/AAMk.../contacts} → {@code /v1.0/users/{id}/contactFolders/{id}/contacts}. */
    static String pattern(String path) {
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            boolean tokenTenant = i == 1 && path.endsWith("/oauth2/v2.0/token");
            boolean afterCollection = COLLECTIONS.contains(segments[i - 1]) && !segments[i].startsWith("delta");
            if (tokenTenant) {
                segments[i] = "{tenant}";
            } else if (afterCollection && !segments[i].isEmpty()) {
                segments[i] = "{id}";
            }
        }
        return String.join("/", segments);
    }

    public List<Count> counts() {
        return counts.entrySet().stream()
                .map(e -> new Count(e.getKey().method(), e.getKey().path(), e.getKey().status(), e.getKey().batch(), e.getKey().cause(),
                        e.getValue().sum()))
                .sorted(Comparator.comparing(Count::path).thenComparing(Count::method).thenComparingInt(Count::status)
                        .thenComparing(Count::batch).thenComparing(count -> String.valueOf(count.cause())))
                .toList();
    }

    public void reset() {
        counts.clear();
    }
}

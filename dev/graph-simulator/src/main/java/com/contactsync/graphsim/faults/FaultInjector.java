package com.contactsync.graphsim.faults;

import com.contactsync.graphsim.control.Overrides;
import com.contactsync.graphsim.control.RequestStats;
import com.contactsync.graphsim.control.SettingsControl;
import com.contactsync.graphsim.control.SimulatorReset;
import com.contactsync.graphsim.error.GraphException;
import com.contactsync.graphsim.mailbox.Mailbox;
import com.contactsync.graphsim.mailbox.MailboxStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Injects the failures of {@link FaultSettings} into requests addressed to a mailbox, after the limits admitted them
 * (so injected latency holds a concurrency slot, as a slow Exchange does). Controlled at {@code /_simulator/faults}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class FaultInjector implements WebFilter {

    private static final Pattern CREATE_CONTACT = Pattern.compile("/v1\\.0/users/[^/]+(/contactFolders/[^/]+)?/contacts/?");

    private final MailboxStore mailboxes;
    private final Overrides<Active> settings = new Overrides<>(new Active(FaultSettings.NONE), Active::retire);

    FaultInjector(MailboxStore mailboxes) {
        this.mailboxes = mailboxes;
    }

    /**
     * Settings in force, with their own random draws (seeded when the settings ask) and a signal that ends the
     * latency of requests still waiting when they are replaced, so no test leaves requests hanging.
     */
    private static final class Active {
        final FaultSettings settings;
        final Random random;
        final Sinks.Empty<Void> retired = Sinks.empty();

        Active(FaultSettings settings) {
            this.settings = settings;
            this.random = settings.seed() == null ? new Random() : new Random(settings.seed());
        }

        void retire() {
            retired.tryEmitEmpty();
        }

        synchronized boolean hit(double rate) {
            return rate > 0 && random.nextDouble() < rate;
        }

        synchronized long latencyMs() {
            return settings.latencyMs() + (settings.latencyJitterMs() == 0 ? 0 : random.nextLong(settings.latencyJitterMs() + 1));
        }

        synchronized int serverErrorStatus() {
            return settings.serverErrorStatuses().get(random.nextInt(settings.serverErrorStatuses().size()));
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mailbox mailbox = mailboxes.addressedBy(exchange.getRequest().getPath().value());
        Active active = mailbox == null ? null : settings.forMailbox(mailbox.id());
        if (active == null || active.settings.none()) {
            return chain.filter(exchange);
        }
        long latency = active.latencyMs();
        Mono<Void> wait = latency == 0 ? Mono.empty()
                : Mono.firstWithSignal(Mono.delay(Duration.ofMillis(latency)).then(), active.retired.asMono());
        return wait.then(Mono.defer(() -> {
            FaultSettings faults = active.settings;
            if (active.hit(faults.throttleRate())) {
                RequestStats.tag(exchange, "ThrottleStorm");
                return Mono.error(new GraphException(HttpStatus.TOO_MANY_REQUESTS, "TooManyRequests", "Too many requests.",
                        Map.of("Retry-After", seconds(faults.retryAfterSeconds()))));
            }
            if (active.hit(faults.serverErrorRate())) {
                RequestStats.tag(exchange, "ServerError");
                return Mono.error(serverError(active.serverErrorStatus(), faults));
            }
            if (isContactCreate(exchange) && active.hit(faults.commitThenFailRate())) {
                return commitThenFail(exchange, chain);
            }
            return chain.filter(exchange);
        }));
    }

    /** The create runs to the end, its answer is thrown away and the client gets a 504 instead. */
    private static Mono<Void> commitThenFail(ServerWebExchange exchange, WebFilterChain chain) {
        DiscardedResponse discarded = new DiscardedResponse(exchange.getResponse());
        return chain.filter(exchange.mutate().response(discarded).build()).then(Mono.defer(() -> {
            RequestStats.tag(exchange, "CommitThenFail");
            return Mono.error(gatewayTimeout());
        }));
    }

    private static boolean isContactCreate(ServerWebExchange exchange) {
        return exchange.getRequest().getMethod() == HttpMethod.POST
                && CREATE_CONTACT.matcher(exchange.getRequest().getPath().value()).matches();
    }

    private static GraphException serverError(int status, FaultSettings faults) {
        return switch (status) {
            case 503 -> new GraphException(HttpStatus.SERVICE_UNAVAILABLE, "serviceNotAvailable",
                    "The service is temporarily unavailable. Please retry later.", Map.of("Retry-After", seconds(faults.retryAfterSeconds())));
            case 504 -> gatewayTimeout();
            default -> new GraphException(HttpStatus.INTERNAL_SERVER_ERROR, "generalException", "An internal server error occurred.");
        };
    }

    private static GraphException gatewayTimeout() {
        return new GraphException(HttpStatus.GATEWAY_TIMEOUT, "UnknownError", "The request timed out before the service answered.");
    }

    private static String seconds(double seconds) {
        return BigDecimal.valueOf(seconds).stripTrailingZeros().toPlainString();
    }

    @EventListener(SimulatorReset.class)
    void reset() {
        settings.reset(new Active(FaultSettings.NONE));
    }

    @Bean
    RouterFunction<ServerResponse> faultsRoute(SettingsControl control) {
        return control.routes("/_simulator/faults", FaultSettings.class, () -> FaultSettings.NONE, this::activate,
                active -> active.settings, settings, Map::of);
    }

    private Active activate(FaultSettings faults) {
        if (!FaultSettings.SERVER_ERROR_STATUSES.containsAll(faults.serverErrorStatuses())) {
            throw GraphException.badRequest("serverErrorStatuses are drawn from " + FaultSettings.SERVER_ERROR_STATUSES + ".");
        }
        return new Active(faults);
    }
}

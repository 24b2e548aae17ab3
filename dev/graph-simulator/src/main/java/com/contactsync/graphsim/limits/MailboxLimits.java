package com.contactsync.graphsim.limits;

import com.contactsync.graphsim.GraphSimProperties;
import com.contactsync.graphsim.control.Overrides;
import com.contactsync.graphsim.control.RequestStats;
import com.contactsync.graphsim.control.SettingsControl;
import com.contactsync.graphsim.control.SimulatorReset;
import com.contactsync.graphsim.error.GraphException;
import com.contactsync.graphsim.mailbox.Mailbox;
import com.contactsync.graphsim.mailbox.MailboxStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Outlook's per-mailbox limits on every request addressed to a mailbox, top-level or inside a {@code $batch}: more
 * than {@code maxConcurrentRequests} in flight gives 429 {@code ApplicationThrottled}, more than
 * {@code requestsPerWindow} in the sliding window gives 429 {@code TooManyRequests}; both with {@code Retry-After}.
 * A refused request does not count against the window, so a client that waits as told gets through.
 * Controlled at {@code /_simulator/limits}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class MailboxLimits implements WebFilter {

    /** What Graph's time a client should wait after a concurrency refusal (before time scaling). */
    private static final double CONCURRENCY_RETRY_AFTER_SECONDS = 1;

    private final MailboxStore mailboxes;
    private final LimitSettings defaults;
    private final Overrides<LimitSettings> settings;
    private final ConcurrentMap<String, Usage> usage = new ConcurrentHashMap<>();

    MailboxLimits(MailboxStore mailboxes, GraphSimProperties properties) {
        this.mailboxes = mailboxes;
        this.defaults = properties.limits();
        this.settings = new Overrides<>(defaults, retired -> { });
    }

    /** One mailbox's requests in flight and the times of those admitted within the window (System.nanoTime). */
    private static final class Usage {
        final String userPrincipalName;
        final AtomicInteger inFlight = new AtomicInteger();
        private final Deque<Long> admitted = new ArrayDeque<>();

        Usage(String userPrincipalName) {
            this.userPrincipalName = userPrincipalName;
        }

        boolean enter(int max) {
            while (true) {
                int current = inFlight.get();
                if (current >= max) {
                    return false;
                }
                if (inFlight.compareAndSet(current, current + 1)) {
                    return true;
                }
            }
        }

        void leave() {
            inFlight.decrementAndGet();
        }

        /** Admits a request now, or says after how many nanoseconds the window has room again. */
        synchronized long admit(LimitSettings limits, long now) {
            long window = limits.windowNanos();
            while (!admitted.isEmpty() && admitted.peekFirst() <= now - window) {
                admitted.pollFirst();
            }
            if (admitted.size() >= limits.requestsPerWindow()) {
                return Math.max(1, admitted.peekFirst() + window - now);
            }
            admitted.addLast(now);
            return 0;
        }

        synchronized int inWindow(LimitSettings limits, long now) {
            long window = limits.windowNanos();
            return (int) admitted.stream().filter(time -> time > now - window).count();
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Mailbox mailbox = mailboxes.addressedBy(exchange.getRequest().getPath().value());
        if (mailbox == null) {
            return chain.filter(exchange);
        }
        LimitSettings limits = settings.forMailbox(mailbox.id());
        if (!limits.enabled()) {
            return chain.filter(exchange);
        }
        Usage mailboxUsage = usage.computeIfAbsent(mailbox.id(), id -> new Usage(mailbox.userPrincipalName()));
        if (!mailboxUsage.enter(limits.maxConcurrentRequests())) {
            RequestStats.tag(exchange, "MailboxConcurrency");
            return Mono.error(throttled("ApplicationThrottled", "Application is over its MailboxConcurrency limit.",
                    limits.scaledSeconds(CONCURRENCY_RETRY_AFTER_SECONDS)));
        }
        long wait = mailboxUsage.admit(limits, System.nanoTime());
        if (wait > 0) {
            mailboxUsage.leave();
            RequestStats.tag(exchange, "RequestRate");
            return Mono.error(throttled("TooManyRequests", "The request has been throttled because the application exceeded the "
                    + "limit of " + limits.requestsPerWindow() + " requests per " + limits.window() + " for this mailbox.", wait / 1e9));
        }
        return chain.filter(exchange).doFinally(signal -> mailboxUsage.leave());
    }

    /** @param retryAfterSeconds real seconds; Graph writes fractions, such as {@code 2.128} */
    private static GraphException throttled(String code, String message, double retryAfterSeconds) {
        String retryAfter = BigDecimal.valueOf(Math.max(retryAfterSeconds, 0.001)).setScale(3, RoundingMode.UP).stripTrailingZeros()
                .toPlainString();
        return new GraphException(HttpStatus.TOO_MANY_REQUESTS, code, message, Map.of("Retry-After", retryAfter));
    }

    @EventListener(SimulatorReset.class)
    void reset() {
        settings.reset(defaults);
        usage.clear();
    }

    @Bean
    RouterFunction<ServerResponse> limitsRoute(SettingsControl control) {
        return control.routes("/_simulator/limits", LimitSettings.class, () -> defaults, Function.identity(), Function.identity(),
                settings, this::usage);
    }

    /** Each mailbox's requests in flight and within its window right now, for the limits control. */
    private Map<String, Object> usage() {
        long now = System.nanoTime();
        Map<String, Object> byMailbox = new LinkedHashMap<>();
        usage.forEach((mailboxId, mailboxUsage) -> byMailbox.put(mailboxUsage.userPrincipalName, Map.of(
                "inFlight", mailboxUsage.inFlight.get(),
                "inWindow", mailboxUsage.inWindow(settings.forMailbox(mailboxId), now))));
        return Map.of("usage", byMailbox);
    }
}

package com.contactsync.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Per-mailbox limits as the gateway keeps them before Graph has to: counts, never durations. */
class MailboxLimiterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private MailboxLimiter limiter(int requestsPerWindow, Duration window) {
        return new MailboxLimiter(new LimitProperties(4, requestsPerWindow, window), registry);
    }

    private static long inSeconds(long seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    @Test
    void eachStepOfABatchCountsAgainstTheWindowSoTheNextRequestMustWaitForIt() {
        MailboxLimiter limiter = limiter(20, Duration.ofHours(1));
        limiter.acquire("anna@contoso.test", 20, 4, inSeconds(1)).close();

        Instant before = Instant.now();
        assertThatThrownBy(() -> limiter.acquire("anna@contoso.test", 1, 1, System.nanoTime()))
                .isInstanceOf(MailboxThrottledException.class)
                .hasMessageContaining("20 requests per PT1H")
                .satisfies(e -> assertThat(((MailboxThrottledException) e).retryNotBefore()).isAfter(before.plus(Duration.ofMinutes(59))));
    }

    @Test
    void requestsInFlightCountAgainstTheWindowUntilTheirAnswerArrives() {
        MailboxLimiter limiter = limiter(20, Duration.ofHours(1));
        MailboxLimiter.Lease batch = limiter.acquire("anna@contoso.test", 20, 4, inSeconds(1));

        assertThatThrownBy(() -> limiter.acquire("anna@contoso.test", 1, 1, System.nanoTime()))
                .isInstanceOf(MailboxThrottledException.class)
                .satisfies(e -> assertThat(((MailboxThrottledException) e).retryNotBefore()).as("depends on the answer").isNull());
        batch.close();
    }

    @Test
    void atMostFourRequestsOfAMailboxAreInFlightAndAnAnswerLetsTheNextOneGo() {
        MailboxLimiter limiter = limiter(10_000, Duration.ofMinutes(10));
        List<MailboxLimiter.Lease> inFlight = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inFlight.add(limiter.acquire("anna@contoso.test", 1, 1, inSeconds(1)));
        }

        assertThatThrownBy(() -> limiter.acquire("anna@contoso.test", 1, 1, System.nanoTime())).isInstanceOf(MailboxThrottledException.class);
        inFlight.remove(0).close();
        inFlight.add(limiter.acquire("anna@contoso.test", 1, 1, inSeconds(1)));
        inFlight.forEach(MailboxLimiter.Lease::close);
    }

    @Test
    void retryAfterHoldsBackOnlyItsOwnMailboxWhateverTheSpelling() {
        MailboxLimiter limiter = limiter(10_000, Duration.ofMinutes(10));
        limiter.throttle("Anna@Contoso.test", Duration.ofHours(1));

        assertThatThrownBy(() -> limiter.acquire("anna@contoso.test", 1, 1, inSeconds(1)))
                .isInstanceOf(MailboxThrottledException.class)
                .hasMessageContaining("Graph throttles mailbox");
        assertThat(limiter.throttledUntil("anna@contoso.test")).get().matches(until -> until.isAfter(Instant.now().plus(Duration.ofMinutes(59))));
        limiter.acquire("ben@contoso.test", 1, 1, inSeconds(1)).close();
        assertThat(limiter.throttledUntil("ben@contoso.test")).isEmpty();
    }

    @Test
    void aRequestWaitsForRoomInTheWindowWhenItsDeadlineAllows() {
        MailboxLimiter limiter = limiter(20, Duration.ofMillis(300));
        limiter.acquire("anna@contoso.test", 20, 4, inSeconds(1)).close();

        limiter.acquire("anna@contoso.test", 20, 4, inSeconds(30)).close();

        assertThat(registry.get("contactsync.graph.limiter.wait").tag("reason", "window").timer().count()).isEqualTo(1);
    }

    @Test
    void underConcurrentCallersNoMoreThanFourSlotsAreEverTaken() throws Exception {
        MailboxLimiter limiter = limiter(10_000, Duration.ofMinutes(10));
        AtomicInteger slots = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            done.add(callers.submit(() -> {
                int concurrency = ThreadLocalRandom.current().nextInt(1, 5);
                try (MailboxLimiter.Lease lease = limiter.acquire("anna@contoso.test", concurrency * 5, concurrency, inSeconds(60))) {
                    most.accumulateAndGet(slots.addAndGet(concurrency), Math::max);
                    Thread.yield();
                    slots.addAndGet(-concurrency);
                }
            }));
        }
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        callers.shutdown();

        assertThat(most.get()).isBetween(1, 4);
    }
}

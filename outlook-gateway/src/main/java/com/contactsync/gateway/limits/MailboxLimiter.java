package com.contactsync.gateway.limits;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Keeps each mailbox within Outlook's limits before Graph has to say no: at most {@code maxConcurrentRequests} in
 * flight, at most {@code requestsPerWindow} in any sliding window, and nothing while Graph's {@code Retry-After}
 * runs. State is per mailbox and in memory (the gateway is stateless; partitioning by mailbox gives each mailbox one
 * replica), so a throttled mailbox makes only its own callers wait.
 *
 * <p>A request counts against the window from the moment it is sent until {@code window} after its answer arrived:
 * Graph counts it when it arrives, which is between the two, so the gateway never counts fewer than Graph does.
 */
@Component
public class MailboxLimiter {

    private final LimitProperties limits;
    private final ConcurrentMap<String, Budget> budgets = new ConcurrentHashMap<>();
    private final Timer waitsForWindow;
    private final Timer waitsForConcurrency;
    private final Timer waitsForRetryAfter;
    private volatile long nextSweep = System.nanoTime();

    public MailboxLimiter(LimitProperties limits, MeterRegistry registry) {
        this.limits = limits;
        this.waitsForWindow = waitTimer(registry, "window");
        this.waitsForConcurrency = waitTimer(registry, "concurrency");
        this.waitsForRetryAfter = waitTimer(registry, "retry_after");
    }

    private static Timer waitTimer(MeterRegistry registry, String reason) {
        return Timer.builder("contactsync.graph.limiter.wait").tag("reason", reason)
                .description("Time requests waited for their mailbox's limits before being sent").register(registry);
    }

    /** A request (or batch) on its way; closing it says its answer arrived. */
    public interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits until the mailbox may take {@code requests} more requests, {@code concurrency} of them at once.
     *
     * @param deadline System.nanoTime after which the caller does not wait
     * @throws MailboxThrottledException when that is not possible before the deadline
     */
    public Lease acquire(String mailbox, int requests, int concurrency, long deadline) {
        sweepIdle();
        int cost = Math.min(requests, limits.requestsPerWindow());
        int slots = Math.min(concurrency, limits.maxConcurrentRequests());
        return locked(mailbox, budget -> budget.admit(mailbox, cost, slots, deadline));
    }

    /** Graph answered 429 or 503 with {@code Retry-After}: nothing goes to the mailbox until then. */
    public void throttle(String mailbox, Duration retryAfter) {
        long until = System.nanoTime() + retryAfter.toNanos();
        locked(mailbox, budget -> {
            if (!budget.throttled || until - budget.throttledUntil > 0) {
                budget.throttledUntil = until;
                budget.throttled = true;
            }
            return null;
        });
    }

    /** Runs {@code action} on the mailbox's budget with its lock held; never on one the sweep has retired. */
    private <T> T locked(String mailbox, Function<Budget, T> action) {
        while (true) {
            Budget budget = budgets.computeIfAbsent(key(mailbox), k -> new Budget());
            budget.lock.lock();
            try {
                if (!budget.retired) {
                    return action.apply(budget);
                }
            } finally {
                budget.lock.unlock();
            }
        }
    }

    /** Until when Graph told the gateway to leave the mailbox alone; empty when it did not, or that has passed. */
    public Optional<Instant> throttledUntil(String mailbox) {
        Budget budget = budgets.get(key(mailbox));
        if (budget == null) {
            return Optional.empty();
        }
        budget.lock.lock();
        try {
            long left = budget.throttledUntil - System.nanoTime();
            return budget.throttled && left > 0 ? Optional.of(Instant.now().plusNanos(left)) : Optional.empty();
        } finally {
            budget.lock.unlock();
        }
    }

    /** Mailbox names are e-mail addresses: one mailbox however it is spelt. */
    private static String key(String mailbox) {
        return mailbox.toLowerCase(Locale.ROOT);
    }

    /** Forgets mailboxes with nothing in flight, in the window or pending, at most once per window. */
    private void sweepIdle() {
        long now = System.nanoTime();
        if (now - nextSweep < 0) {
            return;
        }
        nextSweep = now + limits.window().toNanos();
        budgets.forEach((mailbox, budget) -> {
            if (budget.lock.tryLock()) {
                try {
                    budget.expire(now);
                    if (budget.idle(now)) {
                        budget.retired = true;
                        budgets.remove(mailbox, budget);
                    }
                } finally {
                    budget.lock.unlock();
                }
            }
        });
    }

    private final class Budget {

        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        /** Answers received within the window: {System.nanoTime of the answer, requests}. */
        final ArrayDeque<long[]> answered = new ArrayDeque<>();
        int answeredRequests;
        int inFlightRequests;
        int inFlightSlots;
        boolean throttled;
        long throttledUntil;
        boolean retired;

        /** Called with the lock held. */
        Lease admit(String mailbox, int cost, int slots, long deadline) {
            long started = System.nanoTime();
            Timer waitedFor = null;
            while (true) {
                long now = System.nanoTime();
                expire(now);
                long wait;
                Timer reason;
                if (throttled && throttledUntil - now > 0) {
                    wait = throttledUntil - now;
                    reason = waitsForRetryAfter;
                } else if (inFlightRequests + answeredRequests + cost > limits.requestsPerWindow()) {
                    wait = untilRoomFor(cost, now);
                    reason = waitsForWindow;
                } else if (inFlightSlots + slots > limits.maxConcurrentRequests()) {
                    wait = -1;
                    reason = waitsForConcurrency;
                } else {
                    inFlightRequests += cost;
                    inFlightSlots += slots;
                    if (waitedFor != null) {
                        waitedFor.record(now - started, TimeUnit.NANOSECONDS);
                    }
                    return () -> release(cost, slots);
                }
                waitedFor = reason;
                long left = deadline - now;
                if (wait >= 0 && wait > left) {
                    Instant notBefore = Instant.now().plusNanos(wait);
                    throw new MailboxThrottledException(reason == waitsForRetryAfter
                            ? "Graph throttles mailbox " + mailbox + " until " + notBefore
                            : "mailbox " + mailbox + " has used its " + limits.requestsPerWindow() + " requests per " + limits.window()
                                    + " until " + notBefore, notBefore);
                }
                if (left <= 0) {
                    throw new MailboxThrottledException("mailbox " + mailbox + " still has " + inFlightSlots
                            + " requests in flight", null);
                }
                try {
                    changed.awaitNanos(wait >= 0 ? wait : left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MailboxThrottledException("interrupted while waiting for mailbox " + mailbox, null);
                }
            }
        }

        private void release(int cost, int slots) {
            lock.lock();
            try {
                inFlightRequests -= cost;
                inFlightSlots -= slots;
                answered.addLast(new long[] {System.nanoTime(), cost});
                answeredRequests += cost;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void expire(long now) {
            long window = limits.window().toNanos();
            while (!answered.isEmpty() && now - answered.peekFirst()[0] >= window) {
                answeredRequests -= (int) answered.pollFirst()[1];
            }
        }

        /** Nanoseconds until enough answers leave the window; -1 when requests in flight must finish first. */
        private long untilRoomFor(int cost, long now) {
            int excess = inFlightRequests + answeredRequests + cost - limits.requestsPerWindow();
            for (long[] entry : answered) {
                excess -= (int) entry[1];
                if (excess <= 0) {
                    return Math.max(0, entry[0] + limits.window().toNanos() - now);
                }
            }
            return -1;
        }

        boolean idle(long now) {
            return inFlightSlots == 0 && answered.isEmpty() && !(throttled && throttledUntil - now > 0);
        }
    }
}

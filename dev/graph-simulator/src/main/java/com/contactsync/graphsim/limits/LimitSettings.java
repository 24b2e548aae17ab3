package com.contactsync.graphsim.limits;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outlook's limits for one application in one mailbox; the defaults are Graph's own. A {@code timeScale} above 1
 * runs them faster: the window shrinks by that factor (10,000 requests per 10 minutes at 60 become 10,000 per 10
 * seconds), and {@code Retry-After} shrinks with it, so tests and benchmarks meet Graph's limits without waiting
 * Graph's times.
 *
 * @param enabled whether the limits are enforced at all
 * @param maxConcurrentRequests requests of one mailbox in flight at once; one more gets 429 {@code ApplicationThrottled}
 * @param requestsPerWindow requests of one mailbox per window; one more gets 429 {@code TooManyRequests}
 * @param window the sliding window the request count is taken over, in Graph's time
 * @param timeScale how much faster than Graph the simulator's clock for limits runs
 */
public record LimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("4") @Min(1) int maxConcurrentRequests,
        @DefaultValue("10000") @Min(1) int requestsPerWindow,
        @DefaultValue("10m") @NotNull Duration window,
        @DefaultValue("1") @Positive double timeScale) {

    /** The window in real time. */
    long windowNanos() {
        return (long) (window.toNanos() / timeScale);
    }

    /** A {@code Retry-After} of {@code seconds} of Graph's time, in real seconds. */
    double scaledSeconds(double seconds) {
        return seconds / timeScale;
    }
}

package com.contactsync.gateway.limits;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outlook's limits for this application in one mailbox, which the gateway keeps to before Graph has to refuse
 * anything. The defaults are Graph's own; against the simulator with a time scale, shrink {@code window} by the
 * same factor.
 *
 * @param maxConcurrentRequests requests to one mailbox in flight at once; a {@code $batch} takes one per step it runs
 *                              at once (Outlook runs at most 4 steps of a batch at once)
 * @param requestsPerWindow requests to one mailbox within any {@code window}, each step of a batch counting as one
 * @param window the sliding window of {@code requestsPerWindow}
 */
@Validated
@ConfigurationProperties("contactsync.graph.limits")
public record LimitProperties(
        @DefaultValue("4") @Min(1) @Max(4) int maxConcurrentRequests,
        @DefaultValue("10000") @Min(20) int requestsPerWindow,
        @DefaultValue("10m") @NotNull Duration window) {
}

package com.contactsync.graphsim.faults;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.Set;

/**
 * Failures the simulator injects into requests addressed to a mailbox (top-level or inside a {@code $batch}; never
 * into the batch itself or the controls). Rates are probabilities per request.
 *
 * @param latencyMs how long every request waits before it is handled
 * @param latencyJitterMs up to how much longer, drawn at random per request
 * @param serverErrorRate the share of requests that fail with one of {@code serverErrorStatuses} and change nothing
 * @param serverErrorStatuses drawn from at random: 500, 503 (with {@code Retry-After}) or 504
 * @param throttleRate the share of requests refused with 429 {@code TooManyRequests}, whatever the limits say
 * @param retryAfterSeconds the {@code Retry-After} of injected 429s and 503s
 * @param commitThenFailRate the share of contact creates that are stored and then answered with 504, as when the
 *     connection times out after Exchange committed the write
 * @param seed makes the draws repeat from run to run (for requests arriving in the same order); null for random
 */
public record FaultSettings(
        @PositiveOrZero long latencyMs,
        @PositiveOrZero long latencyJitterMs,
        @DecimalMin("0") @DecimalMax("1") double serverErrorRate,
        @NotEmpty List<@NotNull Integer> serverErrorStatuses,
        @DecimalMin("0") @DecimalMax("1") double throttleRate,
        @PositiveOrZero double retryAfterSeconds,
        @DecimalMin("0") @DecimalMax("1") double commitThenFailRate,
        Long seed) {

    static final Set<Integer> SERVER_ERROR_STATUSES = Set.of(500, 503, 504);

    /** No faults: how the simulator starts and what a reset restores. */
    static final FaultSettings NONE = new FaultSettings(0, 0, 0, List.of(500, 503, 504), 0, 1, 0, null);

    public FaultSettings {
        serverErrorStatuses = serverErrorStatuses == null ? null : List.copyOf(serverErrorStatuses);
    }

    boolean none() {
        return latencyMs == 0 && latencyJitterMs == 0 && serverErrorRate == 0 && throttleRate == 0 && commitThenFailRate == 0;
    }
}

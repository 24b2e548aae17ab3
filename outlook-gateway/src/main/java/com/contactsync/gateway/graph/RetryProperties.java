package com.contactsync.gateway.graph;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway tries again when Graph fails: 429 and 503 after their {@code Retry-After} (which does not count
 * as an attempt), other 5xx and unanswered requests after an exponential backoff with full jitter (a random wait
 * between zero and {@code backoff} · 2^(attempt−1), at most {@code maxBackoff}).
 *
 * @param maxAttempts attempts per request after 5xx or no answer, the first included
 */
@Validated
@ConfigurationProperties("contactsync.graph.retry")
public record RetryProperties(
        @DefaultValue("5") @Min(1) int maxAttempts,
        @DefaultValue("500ms") @NotNull Duration backoff,
        @DefaultValue("30s") @NotNull Duration maxBackoff) {
}

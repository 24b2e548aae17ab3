package com.contactsync.kit.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled whether this instance runs a relay (one instance at a time publishes, elected by an advisory lock)
 * @param batchSize events read and sent per round
 * @param pollInterval how long an idle relay waits when no commit woke it
 * @param maxBackoff the longest pause after Kafka refused a round
 * @param sendTimeout how long a round waits for the broker's acknowledgements
 */
@Validated
@ConfigurationProperties("contactsync.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("500ms") @NotNull Duration pollInterval,
        @DefaultValue("30s") @NotNull Duration maxBackoff,
        @DefaultValue("30s") @NotNull Duration sendTimeout) {
}

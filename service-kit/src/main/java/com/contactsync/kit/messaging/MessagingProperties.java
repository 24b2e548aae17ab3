package com.contactsync.kit.messaging;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param startupCheck whether start-up fails when no broker answers within {@code startupTimeout}
 * @param publishTimeout how long a direct publish waits for the broker's acknowledgement
 */
@Validated
@ConfigurationProperties("contactsync.kafka")
public record MessagingProperties(
        @DefaultValue("true") boolean startupCheck,
        @DefaultValue("20s") @NotNull Duration startupTimeout,
        @DefaultValue("30s") @NotNull Duration publishTimeout) {
}

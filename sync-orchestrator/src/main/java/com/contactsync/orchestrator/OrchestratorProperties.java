package com.contactsync.orchestrator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param source the CloudEvents {@code ce_source} of what the orchestrator publishes
 * @param commandSize operations per write command to the gateway (which sends them in $batch requests of 20)
 * @param runTimeout how long a run may wait for the gateway before it is ended as FAILED
 * @param gatewayUrl outlook-gateway's REST API, for the connection check of {@code validate}
 * @param gatewayTimeout how long the connection check may take
 * @param retryDelay the shortest wait before the orchestrator syncs a user again after a retryable failure
 */
@Validated
@ConfigurationProperties("contactsync.orchestrator")
public record OrchestratorProperties(
        @DefaultValue("/contactsync/sync-orchestrator") @NotBlank String source,
        @DefaultValue("100") @Min(1) @Max(1000) int commandSize,
        @DefaultValue("2h") @NotNull Duration runTimeout,
        @DefaultValue("http://localhost:8083") @NotNull URI gatewayUrl,
        @DefaultValue("30s") @NotNull Duration gatewayTimeout,
        @DefaultValue("1m") @NotNull Duration retryDelay) {
}

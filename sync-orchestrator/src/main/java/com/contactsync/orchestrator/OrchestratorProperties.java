package com.contactsync.orchestrator;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param source the CloudEvents {@code ce_source} of what the orchestrator publishes
 */
@Validated
@ConfigurationProperties("contactsync.orchestrator")
public record OrchestratorProperties(@DefaultValue("/contactsync/sync-orchestrator") @NotBlank String source) {
}

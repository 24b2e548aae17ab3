package com.contactsync.scheduler.schedules;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultTimeZone   the zone of a schedule that names none, and of the default schedules; their weekdays and
 *                          times are read in it
 * @param seedDefaults      whether the first start on an empty database creates the two default schedules (an
 *                          environment that defines its own schedules up front turns it off)
 * @param triggersTopic     where triggers go; the contract's {@code sync.triggers.v1} unless a shared cluster (or a
 *                          test) needs another name
 * @param source            the CloudEvents {@code ce_source} of the triggers
 * @param pollingInterval   how often each instance asks the database for due occurrences: the most an occurrence
 *                          can be late while an instance runs
 * @param heartbeatInterval how often an instance marks the occurrences it is firing as alive; one silent for six
 *                          heartbeats (a crashed instance) is taken over by another
 * @param threads           occurrences one instance fires at the same time
 * @param retryDelay        how long an occurrence whose trigger could not be written waits before the next attempt
 */
@Validated
@ConfigurationProperties("contactsync.scheduler")
record SchedulerProperties(
        @DefaultValue("UTC") @NotNull ZoneId defaultTimeZone,
        @DefaultValue("true") boolean seedDefaults,
        @DefaultValue("sync.triggers.v1") @NotBlank String triggersTopic,
        @DefaultValue("/contactsync/scheduler-service") @NotBlank String source,
        @DefaultValue("5s") @NotNull Duration pollingInterval,
        @DefaultValue("30s") @NotNull Duration heartbeatInterval,
        @DefaultValue("2") @Min(1) @Max(32) int threads,
        @DefaultValue("30s") @NotNull Duration retryDelay) {
}

package com.contactsync.scheduler.schedules;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultTimeZone the zone of a schedule that names none; its weekdays and times are read in it
 */
@Validated
@ConfigurationProperties("contactsync.scheduler")
record SchedulerProperties(@DefaultValue("UTC") @NotNull ZoneId defaultTimeZone) {
}

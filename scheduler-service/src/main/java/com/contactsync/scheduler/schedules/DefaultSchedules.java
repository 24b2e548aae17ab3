package com.contactsync.scheduler.schedules;

import com.contactsync.contracts.events.SyncMode;
import com.contactsync.scheduler.recurrence.Recurrence;
import java.time.DayOfWeek;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Like Business Central's auto-created job queue entry: the first start on an empty database creates two schedules
 * for all users, a daily full sync (repairs whatever drifted) and an incremental sync every 15 minutes (brings contacts
 * typed into Outlook back to BC). A marker row, written in the same transaction, remembers that they were created, so
 * schedules changed or deleted afterwards stay that way across restarts and replicas.
 */
@Component
class DefaultSchedules implements ApplicationRunner {

    static final String FULL_DAILY = "default-full-daily";
    static final String INCREMENTAL_EVERY_15_MINUTES = "default-incremental-every-15-minutes";
    private static final String SEEDED_MARKER = "default-schedules-seeded";
    private static final Logger log = LoggerFactory.getLogger(DefaultSchedules.class);

    private final ScheduleRepository schedules;
    private final ScheduleService service;
    private final SchedulerProperties properties;

    DefaultSchedules(ScheduleRepository schedules, ScheduleService service, SchedulerProperties properties) {
        this.schedules = schedules;
        this.service = service;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.seedDefaults() || !schedules.mark(SEEDED_MARKER)) {
            return;
        }
        service.createIfAbsent(FULL_DAILY, allUsers(SyncMode.FULL, 1440));
        service.createIfAbsent(INCREMENTAL_EVERY_15_MINUTES, allUsers(SyncMode.INCREMENTAL, 15));
        log.info("Created the default schedules {} and {} in {}", FULL_DAILY, INCREMENTAL_EVERY_15_MINUTES,
                properties.defaultTimeZone());
    }

    private ScheduleDefinition allUsers(SyncMode mode, int everyMinutes) {
        return new ScheduleDefinition(null, mode, new Recurrence(everyMinutes, null, EnumSet.allOf(DayOfWeek.class),
                null, null, properties.defaultTimeZone()), true);
    }
}

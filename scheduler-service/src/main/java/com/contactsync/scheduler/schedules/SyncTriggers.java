package com.contactsync.scheduler.schedules;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.events.SyncRequested;
import com.contactsync.kit.outbox.Outbox;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Writes {@code contactsync.sync.requested.v1} to the outbox, in the transaction that records it on the schedule. */
@Component
class SyncTriggers {

    private final Outbox outbox;
    private final SchedulerProperties properties;

    SyncTriggers(Outbox outbox, SchedulerProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    /**
     * Asks for the schedule's sync now.
     *
     * @return the id to record as the schedule's last run: the run id for one user (the orchestrator names its run
     * after it), the trigger's {@code ce_id} for all users (the orchestrator gives each user's run its own id)
     */
    String request(Schedule schedule, String reason, Instant now) {
        ScheduleDefinition definition = schedule.definition();
        String eventId = UUID.randomUUID().toString();
        String runId = definition.userId() == null ? null : UUID.randomUUID().toString();
        String key = definition.userId() == null ? Topics.ALL_USERS_KEY : definition.userId();
        SyncRequested data = new SyncRequested(definition.userId(), definition.mode(), reason, schedule.id(), runId);
        outbox.append(properties.triggersTopic(),
                new CloudEvent<>(eventId, properties.source(), EventTypes.SYNC_REQUESTED, now, key, data));
        return runId == null ? eventId : runId;
    }
}

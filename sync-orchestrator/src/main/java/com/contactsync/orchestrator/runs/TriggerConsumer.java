package com.contactsync.orchestrator.runs;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.events.SyncRequested;
import com.contactsync.kit.inbox.InboundEvents;
import com.contactsync.orchestrator.sync.SyncService;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Sync triggers from the scheduler or any other producer on {@code sync.triggers.v1}. */
@Configuration(proxyBeanMethods = false)
class TriggerConsumer {

    @Bean
    Consumer<Message<byte[]>> syncTriggers(InboundEvents events, SyncService sync) {
        return events.consumer("sync-triggers").validated()
                .on(EventTypes.SYNC_REQUESTED, SyncRequested.class, trigger -> {
                    if (trigger.userId() == null) {
                        sync.requestRunForAll(trigger.mode(), trigger.reason(), trigger.scheduleId());
                    } else {
                        // The scheduler's run id names the run, so an operator can follow a schedule to it.
                        sync.requestRun(trigger.userId(), trigger.mode(), trigger.reason(), trigger.scheduleId(),
                                trigger.runId());
                    }
                });
    }
}

package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.events.CommandFailed;
import com.contactsync.contracts.events.OutlookChangesRead;
import com.contactsync.contracts.events.OutlookContactsWritten;
import com.contactsync.kit.inbox.InboundEvents;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The gateway's answers, each applied once. */
@Configuration(proxyBeanMethods = false)
class OutlookEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> outlookEvents(InboundEvents events, SyncService sync) {
        return events.consumer("outlook-events").validated()
                .on(EventTypes.OUTLOOK_CHANGES_READ, OutlookChangesRead.class, sync::changesRead)
                .on(EventTypes.OUTLOOK_CONTACTS_WRITTEN, OutlookContactsWritten.class, sync::contactsWritten)
                .on(EventTypes.OUTLOOK_COMMAND_FAILED, CommandFailed.class, sync::commandFailed);
    }
}

package com.contactsync.orchestrator.replica;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.events.ContactDeleted;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.kit.inbox.InboundEvents;
import com.contactsync.orchestrator.sync.SyncService;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Applies {@code bc.contact.events.v1} to the replica and lets realtime sync follow real changes, once per event. */
@Configuration(proxyBeanMethods = false)
class ContactEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> contactEvents(InboundEvents events, ContactReplica replica, SyncService sync) {
        return events.consumer("contact-events").validated()
                .on(EventTypes.CONTACT_UPSERTED, ContactSnapshot.class, contact -> {
                    if (replica.upsert(contact)) {
                        sync.contactChanged(contact.no());
                    }
                })
                .on(EventTypes.CONTACT_DELETED, ContactDeleted.class, deleted -> {
                    if (replica.delete(deleted.no(), deleted.version())) {
                        sync.contactChanged(deleted.no());
                    }
                });
    }
}

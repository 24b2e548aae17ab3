package com.contactsync.orchestrator.replica;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.events.ContactDeleted;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.kit.inbox.InboundEvents;
import com.contactsync.orchestrator.sync.RealtimeSync;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Applies {@code bc.contact.events.v1} to the replica and hands real changes to realtime sync, once per event. */
@Configuration(proxyBeanMethods = false)
class ContactEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> contactEvents(InboundEvents events, ContactReplica replica, RealtimeSync realtime) {
        return events.consumer("contact-events")
                .on(EventTypes.CONTACT_UPSERTED, ContactSnapshot.class, contact -> {
                    if (replica.upsert(contact)) {
                        realtime.contactChanged(contact);
                    }
                })
                .on(EventTypes.CONTACT_DELETED, ContactDeleted.class,
                        deleted -> replica.delete(deleted.no(), deleted.version()));
    }
}

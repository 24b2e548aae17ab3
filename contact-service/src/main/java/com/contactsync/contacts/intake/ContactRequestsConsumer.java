package com.contactsync.contacts.intake;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.events.ContactDeleteRequested;
import com.contactsync.contracts.events.ContactUpsertRequested;
import com.contactsync.kit.inbox.InboundEvents;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code bc.contact.requests.v1}: requests of any producer, checked against their JSON Schemas and applied once per
 * {@code ce_id}, in the transaction of the write. Whatever is invalid or refused is dead-lettered with its reason.
 */
@Configuration(proxyBeanMethods = false)
class ContactRequestsConsumer {

    @Bean
    Consumer<Message<byte[]>> contactRequests(InboundEvents events, ContactRequestHandler requests) {
        return events.consumer("contact-requests").validated()
                .on(EventTypes.CONTACT_UPSERT_REQUESTED, ContactUpsertRequested.class, requests::upsert)
                .on(EventTypes.CONTACT_DELETE_REQUESTED, ContactDeleteRequested.class, requests::delete);
    }
}

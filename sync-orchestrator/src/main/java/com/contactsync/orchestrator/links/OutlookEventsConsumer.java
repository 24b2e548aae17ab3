package com.contactsync.orchestrator.links;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.events.CommandFailed;
import com.contactsync.contracts.events.LinkOrigin;
import com.contactsync.contracts.events.OutlookContactsWritten;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.kit.inbox.InboundEvents;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Records what the gateway did in Outlook: the links of the contacts it wrote. */
@Configuration(proxyBeanMethods = false)
class OutlookEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(OutlookEventsConsumer.class);

    @Bean
    Consumer<Message<byte[]>> outlookEvents(InboundEvents events, LinkRepository links) {
        return events.consumer("outlook-events")
                .on(EventTypes.OUTLOOK_CONTACTS_WRITTEN, OutlookContactsWritten.class, written -> {
                    for (OutlookContactsWritten.Result result : written.results()) {
                        if (result.action() == WriteOutlookContacts.Action.UPSERT
                                && result.status() == OutlookContactsWritten.Status.DONE) {
                            links.save(written.userId(), result.contactNo(), result.outlookId(),
                                    LinkOrigin.BC);
                        }
                    }
                })
                .on(EventTypes.OUTLOOK_COMMAND_FAILED, CommandFailed.class, failed -> log.warn(
                        "Outlook command {} for user {} failed: {}", failed.commandId(), failed.userId(), failed.reason()));
    }
}

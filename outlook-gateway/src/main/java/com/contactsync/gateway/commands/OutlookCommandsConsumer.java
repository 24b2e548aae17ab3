package com.contactsync.gateway.commands;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.cloudevents.InvalidEventException;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.kit.messaging.CloudEventPublisher;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.messaging.Message;

/**
 * {@code outlook.commands.v1} in, {@code outlook.events.v1} out. The outcome is acknowledged by the broker before
 * the command's offset commits, so a crash repeats a command rather than losing its outcome. Anything that is not a
 * readable command throws {@link InvalidEventException} and goes to the dead-letter topic at once.
 */
@Configuration(proxyBeanMethods = false)
class OutlookCommandsConsumer {

    /** Partitions as the orchestrator creates its command topic with: one mailbox's events stay in order. */
    private static final int PARTITIONS = 6;

    @Bean
    NewTopic outlookEventsTopic() {
        return TopicBuilder.name(Topics.OUTLOOK_EVENTS).partitions(PARTITIONS).build();
    }

    @Bean
    Consumer<Message<byte[]>> outlookCommands(WriteContacts writeContacts, CloudEventPublisher publisher) {
        return message -> {
            CloudEvent<byte[]> raw = CloudEvents.fromMessage(message);
            if (!EventTypes.OUTLOOK_WRITE_CONTACTS.equals(raw.type())) {
                throw new InvalidEventException("ce_type '" + raw.type() + "' is not a command this gateway carries out");
            }
            WriteOutlookContacts command = valid(CloudEvents.decode(raw, WriteOutlookContacts.class).data());
            publisher.publish(Topics.OUTLOOK_EVENTS, writeContacts.execute(command));
        };
    }

    private static WriteOutlookContacts valid(WriteOutlookContacts command) {
        if (command == null) {
            throw new InvalidEventException("data is empty");
        }
        if (command.mailbox() == null || command.mailbox().isBlank()) {
            throw new InvalidEventException("command " + command.commandId() + " has no mailbox");
        }
        if (command.folderName() == null || command.folderName().isBlank()) {
            throw new InvalidEventException("command " + command.commandId() + " has no folderName");
        }
        if (command.operations() == null) {
            throw new InvalidEventException("command " + command.commandId() + " has no operations");
        }
        return command;
    }
}

package com.contactsync.gateway.commands;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.cloudevents.InvalidEventException;
import com.contactsync.contracts.events.ReadOutlookChanges;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.contracts.schema.ContractSchemas;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * {@code outlook.commands.v1} in, {@code outlook.events.v1} out. Each command goes to its mailbox's lane
 * ({@link CommandLanes}) and the consumer moves on, so one mailbox's {@code Retry-After} holds up no other mailbox of
 * its partition; its offset commits once it and all before it are answered ({@link CommandOffsets}). A crash repeats
 * commands rather than losing their answers. Anything that is not a readable command throws
 * {@link InvalidEventException} and goes to the dead-letter topic at once.
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
    NewTopic outlookCommandsTopic() {
        return TopicBuilder.name(Topics.OUTLOOK_COMMANDS).partitions(PARTITIONS).build();
    }

    @Bean
    Consumer<Message<byte[]>> outlookCommands(CommandRunner runner, CommandLanes lanes, CommandOffsets offsets) {
        return message -> {
            int partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
            long offset = message.getHeaders().get(KafkaHeaders.OFFSET, Long.class);
            CommandRunner.Command command;
            try {
                command = read(message);
            } catch (InvalidEventException e) {
                interruptibly(() -> {
                    offsets.awaitAnsweredBefore(partition, offset);
                    return null;
                });
                throw e;
            }
            if (lanes.stopping()) {
                // neither carried out nor acknowledged: Kafka delivers it again after the restart
                return;
            }
            boolean possiblyRedelivered = offsets.possiblyRedelivered(partition, offset);
            Acknowledgment acknowledgment = message.getHeaders().get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
            CommandOffsets.Ticket ticket = interruptibly(() -> offsets.track(partition, offset, acknowledgment));
            if (!lanes.submit(command.mailbox(), new QueuedCommand(command, possiblyRedelivered, ticket))) {
                runner.refuseBusy(command);
                ticket.answered();
            }
        };
    }

    private static CommandRunner.Command read(Message<byte[]> message) {
        CloudEvent<byte[]> raw = CloudEvents.fromMessage(message);
        if (EventTypes.OUTLOOK_WRITE_CONTACTS.equals(raw.type())) {
            WriteOutlookContacts command = decode(raw, WriteOutlookContacts.class);
            requireMailboxWork(command.commandId(), command.mailbox(), command.folderName());
            require(command.operations() != null, "command " + command.commandId() + " has no operations");
            return new CommandRunner.Command(raw.id(), command.mailbox(), command);
        }
        if (EventTypes.OUTLOOK_READ_CHANGES.equals(raw.type())) {
            ReadOutlookChanges command = decode(raw, ReadOutlookChanges.class);
            requireMailboxWork(command.commandId(), command.mailbox(), command.folderName());
            return new CommandRunner.Command(raw.id(), command.mailbox(), command);
        }
        throw new InvalidEventException("ce_type '" + raw.type() + "' is not a command this gateway carries out");
    }

    /**
     * The command's data, which must also keep to its schema in the contracts: what the schema refuses (unknown
     * enum values, lengths, formats) is dead-lettered with its path rather than half carried out.
     */
    private static <T> T decode(CloudEvent<byte[]> raw, Class<T> type) {
        T command = CloudEvents.decode(raw, type).data();
        require(command != null, "data is empty");
        ContractSchemas.requireValid(raw);
        return command;
    }

    private static void requireMailboxWork(String commandId, String mailbox, String folderName) {
        require(mailbox != null && !mailbox.isBlank(), "command " + commandId + " has no mailbox");
        require(folderName != null && !folderName.isBlank(), "command " + commandId + " has no folderName");
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new InvalidEventException(reason);
        }
    }

    private interface Interruptible<T> {
        T get() throws InterruptedException;
    }

    private static <T> T interruptibly(Interruptible<T> wait) {
        try {
            return wait.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for commands under way", e);
        }
    }
}

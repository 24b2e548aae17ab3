package com.contactsync.gateway.commands;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.events.CommandFailed;
import com.contactsync.contracts.events.OutlookContactsWritten;
import com.contactsync.contracts.events.ReadOutlookChanges;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.gateway.limits.MailboxLimiter;
import com.contactsync.kit.messaging.CloudEventPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out one command and publishes its answer: every command gets exactly one terminal answer
 * ({@code contacts-written}, the parts of {@code changes-read}, or {@code command-failed}), unless the gateway stops
 * before publishing it, in which case Kafka delivers the command again. Counts
 * {@code contactsync.gateway.commands} by {@code type} and {@code outcome} ({@code done}, {@code partial},
 * {@code failed}, {@code busy}).
 */
@Component
class CommandRunner {

    static final String SOURCE = "/contactsync/outlook-gateway";
    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);
    private static final Duration REPUBLISH_BACKOFF = Duration.ofSeconds(1);
    private static final Duration REPUBLISH_MAX_BACKOFF = Duration.ofSeconds(30);

    private final WriteContacts write;
    private final ReadChanges read;
    private final CloudEventPublisher publisher;
    private final CommandLanes lanes;
    private final GatewayProperties.Commands settings;
    private final MeterRegistry registry;
    private final MailboxLimiter limiter;

    CommandRunner(WriteContacts write, ReadChanges read, CloudEventPublisher publisher, CommandLanes lanes, GatewayProperties properties,
            MeterRegistry registry, MailboxLimiter limiter) {
        this.write = write;
        this.read = read;
        this.publisher = publisher;
        this.lanes = lanes;
        this.settings = properties.commands();
        this.registry = registry;
        this.limiter = limiter;
    }

    /** A command as it came from Kafka: its {@code ce_id}, its mailbox (the key) and its data. */
    record Command(String eventId, String mailbox, Object data) {
    }

    /**
     * Answers a command of a mailbox with too many commands waiting without carrying it out: every operation (or the
     * read) failed and retryable, from when Graph stops throttling the mailbox if it does.
     */
    void refuseBusy(Command command) {
        Instant notBefore = limiter.throttledUntil(command.mailbox()).orElse(null);
        String reason = "mailbox " + command.mailbox() + " already has " + settings.maxQueuedPerMailbox()
                + " commands waiting in this gateway; send it again when they are answered";
        Answer answer;
        if (command.data() instanceof WriteOutlookContacts writeContacts) {
            answer = new Answer(EventTypes.OUTLOOK_CONTACTS_WRITTEN, new OutlookContactsWritten(writeContacts.commandId(), writeContacts.userId(),
                    writeContacts.mailbox(), writeContacts.runId(), null, writeContacts.operations().stream()
                            .map(op -> new OutlookContactsWritten.Result(op.action(), op.contactNo(), OutlookContactsWritten.Status.FAILED, op.outlookId(),
                                    null, reason, true, notBefore))
                            .toList()));
        } else {
            ReadOutlookChanges readChanges = (ReadOutlookChanges) command.data();
            answer = new Answer(EventTypes.OUTLOOK_COMMAND_FAILED, new CommandFailed(readChanges.commandId(), readChanges.userId(),
                    readChanges.mailbox(), readChanges.runId(), reason, true, notBefore));
        }
        publish(List.of(new Answered(command, List.of(answer), "busy")));
    }

    /**
     * Carries out a lane's next commands ({@link CommandGroups}): one command, or several write commands of one
     * mailbox and folder as one, whose results are then split into each command's own answer. Tells each command's
     * ticket once its answer is published.
     */
    void run(List<QueuedCommand> group) {
        long deadline = System.nanoTime() + settings.maxWait().toNanos();
        List<Answered> answered = new ArrayList<>();
        if (group.size() == 1) {
            Command command = group.get(0).command();
            answered.add(answered(command, execute(command, group.get(0).possiblyRedelivered(), deadline)));
        } else {
            List<WriteOutlookContacts> commands = group.stream().map(q -> (WriteOutlookContacts) q.command().data()).toList();
            List<Answer> answers;
            try {
                answers = split(commands, write.execute(gathered(commands), group.get(0).possiblyRedelivered(), deadline));
            } catch (RuntimeException e) {
                log.error("Commands {} .. {} for {} failed unexpectedly", group.get(0).command().eventId(),
                        group.get(group.size() - 1).command().eventId(), group.get(0).command().mailbox(), e);
                answers = group.stream().map(q -> unexpected(q.command(), e)).toList();
            }
            for (int i = 0; i < group.size(); i++) {
                answered.add(answered(group.get(i).command(), List.of(answers.get(i))));
            }
        }
        publish(answered);
        group.forEach(q -> q.ticket().answered());
    }

    private List<Answer> execute(Command command, boolean possiblyRedelivered, long deadline) {
        try {
            return command.data() instanceof WriteOutlookContacts writeContacts
                    ? List.of(write.execute(writeContacts, possiblyRedelivered, deadline))
                    : read.execute((ReadOutlookChanges) command.data(), deadline);
        } catch (RuntimeException e) {
            log.error("Command {} for {} failed unexpectedly", command.eventId(), command.mailbox(), e);
            return List.of(unexpected(command, e));
        }
    }

    /** Write commands of one mailbox and folder as one: their operations one after the other. */
    private static WriteOutlookContacts gathered(List<WriteOutlookContacts> commands) {
        WriteOutlookContacts first = commands.get(0);
        return new WriteOutlookContacts(first.commandId(), first.userId(), first.mailbox(), first.folderName(),
                first.previousFolderName(), first.runId(),
                commands.stream().flatMap(c -> c.operations().stream()).toList());
    }

    /** The answer to gathered commands as each command's own: its share of the results, or the failure. */
    private static List<Answer> split(List<WriteOutlookContacts> commands, Answer answer) {
        List<Answer> answers = new ArrayList<>();
        int from = 0;
        for (WriteOutlookContacts c : commands) {
            int to = from + c.operations().size();
            if (answer.data() instanceof OutlookContactsWritten written) {
                answers.add(new Answer(answer.type(), new OutlookContactsWritten(c.commandId(), c.userId(), c.mailbox(),
                        c.runId(), written.folderId(), List.copyOf(written.results().subList(from, to)))));
            } else {
                CommandFailed failed = (CommandFailed) answer.data();
                answers.add(new Answer(answer.type(), new CommandFailed(c.commandId(), c.userId(), c.mailbox(), c.runId(),
                        failed.reason(), failed.retryable(), failed.retryNotBefore())));
            }
            from = to;
        }
        return answers;
    }

    /** A command's answers as they are published, with the outcome they are counted as. */
    private record Answered(Command command, List<Answer> answers, String outcome) {
    }

    private static Answered answered(Command command, List<Answer> answers) {
        return new Answered(command, answers, outcome(answers));
    }

    /**
     * Sends every answer, then waits for the broker's acknowledgements: a gathered group costs one round trip to the
     * broker, not one per command. An answer whose send failed is published again until it is acknowledged.
     */
    private void publish(List<Answered> answered) {
        List<CloudEvent<?>> events = new ArrayList<>();
        for (Answered a : answered) {
            // A single answer gets an id derived from the command's, so the answer to a command Kafka delivers again
            // is recognised as a duplicate by the orchestrator's inbox; the parts of a read are read again in full
            boolean single = a.answers().size() == 1;
            for (Answer answer : a.answers()) {
                String id = single ? UUID.nameUUIDFromBytes(("answer to " + a.command().eventId()).getBytes(StandardCharsets.UTF_8)).toString()
                        : UUID.randomUUID().toString();
                events.add(new CloudEvent<>(id, SOURCE, answer.type(), Instant.now(), a.command().mailbox(), answer.data()));
            }
        }
        List<CompletableFuture<Throwable>> sends = events.stream().map(this::send).toList();
        for (int i = 0; i < events.size(); i++) {
            if (sends.get(i).join() != null) {
                publish(events.get(i));
            }
        }
        for (Answered a : answered) {
            Counter.builder("contactsync.gateway.commands").tag("type", type(a.command())).tag("outcome", a.outcome())
                    .description("Commands answered, by type and outcome").register(registry).increment();
        }
    }

    /** The send's failure, or null once the broker acknowledged it (the producer's delivery timeout bounds the wait). */
    private CompletableFuture<Throwable> send(CloudEvent<?> event) {
        try {
            return publisher.send(Topics.OUTLOOK_EVENTS, event).handle((sent, failure) -> failure);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(e);
        }
    }

    private static String type(Command command) {
        return command.data() instanceof WriteOutlookContacts ? "write-contacts" : "read-changes";
    }

    /** Publishes until Kafka acknowledges; gives up only when the gateway stops (Kafka then delivers the command again). */
    private void publish(CloudEvent<?> event) {
        Duration backoff = REPUBLISH_BACKOFF;
        while (true) {
            try {
                publisher.publish(Topics.OUTLOOK_EVENTS, event);
                return;
            } catch (RuntimeException e) {
                if (lanes.stopping()) {
                    throw e;
                }
                log.warn("Publishing {} failed, trying again in {}: {}", event.type(), backoff, e.getMessage());
                try {
                    TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = backoff.multipliedBy(2).compareTo(REPUBLISH_MAX_BACKOFF) > 0 ? REPUBLISH_MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static Answer unexpected(Command command, RuntimeException e) {
        String commandId;
        String userId;
        String runId;
        if (command.data() instanceof WriteOutlookContacts writeContacts) {
            commandId = writeContacts.commandId();
            userId = writeContacts.userId();
            runId = writeContacts.runId();
        } else {
            ReadOutlookChanges readChanges = (ReadOutlookChanges) command.data();
            commandId = readChanges.commandId();
            userId = readChanges.userId();
            runId = readChanges.runId();
        }
        return new Answer(EventTypes.OUTLOOK_COMMAND_FAILED, new CommandFailed(commandId, userId, command.mailbox(), runId,
                "the gateway failed unexpectedly: " + e, true));
    }

    private static String outcome(List<Answer> answers) {
        Object first = answers.get(0).data();
        if (first instanceof CommandFailed) {
            return "failed";
        }
        if (first instanceof OutlookContactsWritten written
                && written.results().stream().anyMatch(r -> r.status() == OutlookContactsWritten.Status.FAILED)) {
            return "partial";
        }
        return "done";
    }
}

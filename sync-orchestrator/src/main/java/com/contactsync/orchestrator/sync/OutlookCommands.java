package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.ReadOutlookChanges;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.kit.outbox.Outbox;
import com.contactsync.orchestrator.OrchestratorProperties;
import com.contactsync.orchestrator.users.SyncTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Commands to the gateway, through the outbox, remembered until answered. */
@Component
class OutlookCommands {

    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final OrchestratorProperties properties;

    OutlookCommands(Outbox outbox, JdbcClient jdbc, OrchestratorProperties properties) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Sends the operations in commands of at most the configured size; returns how many commands were sent. */
    @Transactional(propagation = Propagation.MANDATORY)
    int write(SyncTarget target, String runId, List<WriteOutlookContacts.Operation> operations) {
        int size = properties.commandSize();
        int sent = 0;
        for (int from = 0; from < operations.size(); from += size) {
            List<WriteOutlookContacts.Operation> part =
                    new ArrayList<>(operations.subList(from, Math.min(from + size, operations.size())));
            WriteOutlookContacts command = new WriteOutlookContacts(UUID.randomUUID().toString(), target.userId(),
                    target.mailbox(), target.setup().folderName(), previousFolder(target), runId, part);
            send(target, runId, EventTypes.OUTLOOK_WRITE_CONTACTS, command.commandId(), command);
            sent++;
        }
        return sent;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void read(SyncTarget target, String runId, String deltaLink) {
        ReadOutlookChanges command = new ReadOutlookChanges(UUID.randomUUID().toString(), target.userId(),
                target.mailbox(), target.setup().folderName(), runId, deltaLink, previousFolder(target));
        send(target, runId, EventTypes.OUTLOOK_READ_CHANGES, command.commandId(), command);
    }

    /** A command as it was sent: its {@code ce_type} and data. */
    record Sent(String type, byte[] payload, Instant sentAt) {

        <T> T as(Class<T> dataType) {
            return EventJson.read(payload, dataType);
        }
    }

    /** The command a partial answer belongs to, still waiting for its last part; empty if already answered. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Sent> pending(String commandId) {
        return jdbc.sql("SELECT type, payload, sent_at FROM outlook_command WHERE command_id = ?")
                .param(commandId)
                .query((rs, n) -> new Sent(rs.getString(1), rs.getBytes(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** The command an answer belongs to, forgotten as it is answered; empty for an answer already handled. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Sent> answered(String commandId) {
        return jdbc.sql("DELETE FROM outlook_command WHERE command_id = ? RETURNING type, payload, sent_at")
                .param(commandId)
                .query((rs, n) -> new Sent(rs.getString(1), rs.getBytes(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    private void send(SyncTarget target, String runId, String type, String commandId, Object command) {
        jdbc.sql("INSERT INTO outlook_command (command_id, user_id, run_id, type, payload) VALUES (?, ?, ?, ?, ?::jsonb)")
                .params(commandId, target.userId(), runId == null ? null : UUID.fromString(runId), type,
                        EventJson.mapper().writeValueAsString(command))
                .update();
        // Keyed by mailbox: one mailbox's commands stay in order on one partition.
        outbox.append(Topics.OUTLOOK_COMMANDS, CloudEvents.create(properties.source(), type, target.mailbox(), command));
    }

    /** S14: the folder still has its old name in Outlook until a command renames it. */
    private static String previousFolder(SyncTarget target) {
        String known = target.outlookFolder();
        return known != null && !known.equals(target.setup().folderName()) ? known : null;
    }
}

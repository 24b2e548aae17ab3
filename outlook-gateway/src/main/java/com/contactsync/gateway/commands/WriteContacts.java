package com.contactsync.gateway.commands;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.events.CommandFailed;
import com.contactsync.contracts.events.OutlookContactsWritten;
import com.contactsync.contracts.events.OutlookContactsWritten.Result;
import com.contactsync.contracts.events.OutlookContactsWritten.Status;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.contracts.events.WriteOutlookContacts.Action;
import com.contactsync.contracts.events.WriteOutlookContacts.Operation;
import com.contactsync.gateway.graph.ContactFolderClient;
import com.contactsync.gateway.graph.ContactMapping;
import com.contactsync.gateway.graph.GraphFailure;
import com.contactsync.gateway.graph.GraphMailbox;
import com.contactsync.gateway.graph.GraphMailboxes;
import com.microsoft.graph.models.Contact;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out a {@code write-contacts} command in the user's folder and says what happened, as the event to
 * publish: {@code contacts-written} with one result per operation, or {@code command-failed} when the folder
 * itself could not be had (no such mailbox, no access, Graph down).
 */
@Component
class WriteContacts {

    static final String SOURCE = "/contactsync/outlook-gateway";
    private static final Logger log = LoggerFactory.getLogger(WriteContacts.class);

    private final GraphMailboxes mailboxes;

    WriteContacts(GraphMailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    CloudEvent<?> execute(WriteOutlookContacts command) {
        GraphMailbox mailbox = mailboxes.mailbox(command.mailbox());
        String folderId;
        try {
            folderId = mailbox.ensureFolder(command.folderName());
        } catch (RuntimeException e) {
            GraphFailure failure = GraphFailure.of(e);
            log.warn("Command {}: no folder '{}' in {}: {}", command.commandId(), command.folderName(), command.mailbox(), failure.reason());
            return CloudEvents.create(SOURCE, EventTypes.OUTLOOK_COMMAND_FAILED, command.mailbox(), new CommandFailed(
                    command.commandId(), command.userId(), command.mailbox(), command.runId(), failure.reason(), failure.retryable()));
        }
        ContactFolderClient folder = mailbox.folder(folderId);
        List<Result> results = new ArrayList<>();
        for (Operation operation : command.operations()) {
            results.add(apply(folder, operation));
        }
        return CloudEvents.create(SOURCE, EventTypes.OUTLOOK_CONTACTS_WRITTEN, command.mailbox(), new OutlookContactsWritten(
                command.commandId(), command.userId(), command.mailbox(), command.runId(), folderId, results));
    }

    private static Result apply(ContactFolderClient folder, Operation operation) {
        if (operation.action() != Action.UPSERT) {
            return new Result(operation.action(), operation.contactNo(), Status.FAILED, operation.outlookId(), null,
                    operation.action() + " is not supported by this gateway yet", false);
        }
        if (operation.contactNo() == null || operation.contactNo().isBlank() || operation.contact() == null) {
            return new Result(Action.UPSERT, operation.contactNo(), Status.FAILED, null, null,
                    "an UPSERT needs contactNo and contact", false);
        }
        try {
            Contact created = folder.create(ContactMapping.toGraph(operation.contactNo(), operation.contact()));
            return new Result(Action.UPSERT, operation.contactNo(), Status.DONE, created.getId(), created.getChangeKey(), null, false);
        } catch (RuntimeException e) {
            GraphFailure failure = GraphFailure.of(e);
            return new Result(Action.UPSERT, operation.contactNo(), Status.FAILED, null, null, failure.reason(), failure.retryable());
        }
    }
}

package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.kit.outbox.Outbox;
import com.contactsync.orchestrator.OrchestratorProperties;
import com.contactsync.orchestrator.links.LinkRepository;
import com.contactsync.orchestrator.users.SyncTarget;
import com.contactsync.orchestrator.users.UserService;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** S3: a changed BC contact goes to the folder of every realtime user whose target set holds it. */
@Service
public class RealtimeSync {

    private final UserService users;
    private final LinkRepository links;
    private final Outbox outbox;
    private final OrchestratorProperties properties;

    RealtimeSync(UserService users, LinkRepository links, Outbox outbox, OrchestratorProperties properties) {
        this.users = users;
        this.links = links;
        this.outbox = outbox;
        this.properties = properties;
    }

    /** Runs in the transaction that applied the event, so the commands commit with it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void contactChanged(ContactSnapshot contact) {
        for (SyncTarget target : users.realtimeTargets()) {
            if (!TargetSet.contains(target.setup(), contact)) {
                continue;
            }
            WriteOutlookContacts.Operation upsert = new WriteOutlookContacts.Operation(
                    WriteOutlookContacts.Action.UPSERT, contact.no(),
                    links.outlookId(target.userId(), contact.no()).orElse(null), FieldMapping.toOutlook(contact));
            WriteOutlookContacts command = new WriteOutlookContacts(UUID.randomUUID().toString(), target.userId(),
                    target.mailbox(), target.setup().folderName(), null, null, List.of(upsert));
            // Keyed by mailbox: one mailbox's commands stay in order on one partition.
            outbox.append(Topics.OUTLOOK_COMMANDS, CloudEvents.create(properties.source(),
                    EventTypes.OUTLOOK_WRITE_CONTACTS, target.mailbox(), command));
        }
    }
}

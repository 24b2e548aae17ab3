package com.contactsync.gateway.commands;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.events.CommandFailed;
import com.contactsync.contracts.events.OutlookChangesRead;
import com.contactsync.contracts.events.OutlookItem;
import com.contactsync.contracts.events.ReadOutlookChanges;
import com.contactsync.gateway.graph.ContactMapping;
import com.contactsync.gateway.graph.DeltaLinkExpiredException;
import com.contactsync.gateway.graph.FolderReader;
import com.contactsync.gateway.graph.Folders;
import com.contactsync.gateway.graph.GraphCallException;
import com.contactsync.gateway.graph.GraphFailure;
import com.contactsync.gateway.graph.GraphMailboxes;
import com.contactsync.gateway.graph.GraphProperties;
import com.contactsync.gateway.graph.MailboxSession;
import com.microsoft.graph.models.Contact;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out a {@code read-changes} command: a contact delta query from the given delta link (or from the start,
 * listing the whole folder), the tags of the changed contacts, and the answer in parts of at most
 * {@code items-per-event} entries. A delta link Graph refuses (expired, unknown, or of another folder) is answered
 * with a full read and {@code deltaLinkExpired: true}, so the orchestrator runs a full sync without asking again.
 */
@Component
class ReadChanges {

    private static final Logger log = LoggerFactory.getLogger(ReadChanges.class);

    private final GraphMailboxes mailboxes;
    private final Folders folders;
    private final GatewayProperties.Read settings;
    private final URI graph;

    ReadChanges(GraphMailboxes mailboxes, Folders folders, GatewayProperties properties, GraphProperties graph) {
        this.mailboxes = mailboxes;
        this.folders = folders;
        this.settings = properties.read();
        this.graph = graph.baseUrl();
    }

    /** @return the answers to publish, in order: the parts of {@code changes-read}, or one {@code command-failed} */
    List<Answer> execute(ReadOutlookChanges command, long deadline) {
        MailboxSession session = mailboxes.session(command.mailbox(), deadline);
        try {
            Folders.Folder folder = folders.ensure(session, command.folderName(), command.previousFolderName());
            try {
                return read(session, folder.id(), command, command.deltaLink());
            } catch (GraphCallException e) {
                if (e.failure().status() != 404 || !folder.remembered() || folders.exists(session, folder.id())) {
                    throw e;
                }
                // The user deleted the folder: start it again; a delta link of the old one is of no use
                folders.forget(command.mailbox(), command.folderName());
                String folderId = folders.ensure(session, command.folderName(), null).id();
                return read(session, folderId, command, command.deltaLink());
            }
        } catch (GraphCallException e) {
            GraphFailure failure = e.failure();
            log.warn("Command {}: reading '{}' of {} failed: {}", command.commandId(), command.folderName(), command.mailbox(), failure.reason());
            return List.of(new Answer(EventTypes.OUTLOOK_COMMAND_FAILED, new CommandFailed(command.commandId(), command.userId(),
                    command.mailbox(), command.runId(), failure.reason(), failure.retryable(), failure.retryNotBefore())));
        }
    }

    /** @param deltaLink null for a full read; one that is not of this folder counts as expired */
    private List<Answer> read(MailboxSession session, String folderId, ReadOutlookChanges command, String deltaLink) {
        FolderReader reader = FolderReader.of(session, folderId);
        FolderReader.Delta delta = null;
        boolean expired = false;
        if (deltaLink != null) {
            if (ofFolder(deltaLink, folderId)) {
                try {
                    delta = reader.delta(deltaLink, settings.deltaPageSize());
                } catch (DeltaLinkExpiredException e) {
                    log.info("Command {}: delta link of {} refused ({}), reading the whole folder", command.commandId(), command.mailbox(),
                            e.getMessage());
                }
            } else {
                log.info("Command {}: the delta link is not one of folder {} of {}, reading the whole folder", command.commandId(), folderId,
                        command.mailbox());
            }
            expired = delta == null;
        }
        boolean full = delta == null;
        if (full) {
            delta = reader.delta(null, settings.deltaPageSize());
        }
        Map<String, ContactMapping.Tags> tags = full || delta.changed().size() >= settings.tagsByListingFrom()
                ? reader.allTags()
                : reader.tagsOf(delta.changed().keySet());
        List<OutlookItem> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>(delta.removedIds());
        delta.changed().forEach((id, contact) -> {
            ContactMapping.Tags tag = tags.get(id);
            if (tag != null) {
                changed.add(item(contact, tag));
            } else if (!full) {
                // deleted or moved out since the delta query saw it
                removed.add(id);
            }
        });
        return parts(command, folderId, full, expired, changed, removed, delta.deltaLink());
    }

    private List<Answer> parts(ReadOutlookChanges command, String folderId, boolean full, boolean expired,
            List<OutlookItem> changed, List<String> removed, String deltaLink) {
        int size = settings.itemsPerEvent();
        int entries = changed.size() + removed.size();
        int count = Math.max(1, (entries + size - 1) / size);
        List<Answer> parts = new ArrayList<>();
        for (int part = 1; part <= count; part++) {
            int from = (part - 1) * size;
            int to = Math.min(from + size, entries);
            List<OutlookItem> changedPart = changed.subList(Math.min(from, changed.size()), Math.min(to, changed.size()));
            List<String> removedPart = removed.subList(Math.max(0, from - changed.size()), Math.max(0, to - changed.size()));
            boolean last = part == count;
            parts.add(new Answer(EventTypes.OUTLOOK_CHANGES_READ, new OutlookChangesRead(command.commandId(), command.userId(),
                    command.mailbox(), command.runId(), folderId, full, expired, List.copyOf(changedPart), List.copyOf(removedPart),
                    last ? deltaLink : null, part, last)));
        }
        return parts;
    }

    private static OutlookItem item(Contact contact, ContactMapping.Tags tags) {
        return new OutlookItem(contact.getId(), contact.getChangeKey(), tags.bcContactNo(), ContactMapping.fromGraph(contact),
                tags.linkOrigin());
    }

    /**
     * Whether a delta link is one Graph gave for this folder: at the configured Graph (so the token goes nowhere
     * else) and naming the folder. A link of a folder the user deleted and the gateway made again is not.
     */
    private boolean ofFolder(String deltaLink, String folderId) {
        URI link;
        try {
            link = URI.create(deltaLink);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return graph.getScheme().equalsIgnoreCase(link.getScheme()) && graph.getHost().equalsIgnoreCase(link.getHost())
                && graph.getPort() == link.getPort() && link.getPath() != null && link.getPath().contains(folderId);
    }
}

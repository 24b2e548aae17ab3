package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.events.CommandFailed;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactUpsertRequested;
import com.contactsync.contracts.events.LinkOrigin;
import com.contactsync.contracts.events.OutlookChangesRead;
import com.contactsync.contracts.events.OutlookContactsWritten;
import com.contactsync.contracts.events.OutlookItem;
import com.contactsync.contracts.events.ReadOutlookChanges;
import com.contactsync.contracts.events.SyncMode;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.kit.outbox.Outbox;
import com.contactsync.orchestrator.OrchestratorProperties;
import com.contactsync.orchestrator.links.LinkRepository;
import com.contactsync.orchestrator.mirror.OutlookMirror;
import com.contactsync.orchestrator.replica.ContactReplica;
import com.contactsync.orchestrator.runs.RunCounts;
import com.contactsync.orchestrator.runs.RunProblem;
import com.contactsync.orchestrator.runs.RunRepository;
import com.contactsync.orchestrator.runs.SyncRun;
import com.contactsync.orchestrator.users.SyncTarget;
import com.contactsync.orchestrator.users.UserService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the sync rules: starts runs (S4, S5), turns the gateway's reads into plans and the plans into commands,
 * records what the gateway did, and keeps folders current as BC changes (S3). Every step is one transaction with
 * the commands it sends, so a crash at any point leaves either the step done or not started (S13).
 */
@Service
public class SyncService {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final UserService users;
    private final LinkRepository links;
    private final OutlookMirror mirror;
    private final ContactReplica replica;
    private final RunRepository runs;
    private final OutlookCommands commands;
    private final Outbox outbox;
    private final OrchestratorProperties properties;
    private final SyncMetrics metrics;

    SyncService(UserService users, LinkRepository links, OutlookMirror mirror, ContactReplica replica,
                RunRepository runs, OutlookCommands commands, Outbox outbox, OrchestratorProperties properties,
                SyncMetrics metrics) {
        this.users = users;
        this.links = links;
        this.mirror = mirror;
        this.replica = replica;
        this.runs = runs;
        this.commands = commands;
        this.outbox = outbox;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * Starts a run of the user's sync, or joins the one under way: concurrent triggers coalesce rather than race.
     * A FULL request joining an INCREMENTAL run makes that run full.
     *
     * @param runId the id to give a new run (the scheduler's), or null for a fresh one
     * @return the run's id; empty when the user has no enabled setup with a mailbox (nothing to do, S14)
     */
    @Transactional
    public Optional<String> requestRun(String userId, SyncMode mode, String reason, String scheduleId, String runId) {
        Optional<SyncTarget> target = users.target(userId);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Optional<SyncRun> active = runs.activeForUpdate(userId);
        if (active.isPresent()) {
            if (mode == SyncMode.FULL && active.get().mode() == SyncMode.INCREMENTAL) {
                runs.upgradeToFull(active.get().runId(), "full sync requested while it ran");
            }
            return Optional.of(active.get().runId());
        }
        String id = runId == null ? UUID.randomUUID().toString() : runId;
        runs.create(id, userId, mode, reason, scheduleId);
        commands.read(target.get(), id, mode == SyncMode.FULL ? null : target.get().deltaLink());
        users.syncing(userId);
        metrics.runStarted(mode);
        return Optional.of(id);
    }

    /** A run for every enabled user with a mailbox; returns each user's run id. */
    @Transactional
    public Map<String, String> requestRunForAll(SyncMode mode, String reason, String scheduleId) {
        Map<String, String> started = new TreeMap<>();
        for (SyncTarget target : users.targets(false)) {
            requestRun(target.userId(), mode, reason, scheduleId, null)
                    .ifPresent(runId -> started.put(target.userId(), runId));
        }
        return started;
    }

    /** The gateway read the folder: bring the mirror up to date, then plan and send what the run must do. */
    @Transactional
    public void changesRead(OutlookChangesRead read) {
        // A large read comes in parts; only the last one answers the command and lets the run go on.
        Optional<OutlookCommands.Sent> sent = read.last() ? commands.answered(read.commandId())
                : commands.pending(read.commandId());
        if (sent.isEmpty()) {
            return;
        }
        ReadOutlookChanges command = sent.get().as(ReadOutlookChanges.class);
        String userId = command.userId();
        users.folderNamed(userId, command.folderName());
        String readMark = read.full() ? read.commandId() : null;
        for (OutlookItem item : read.changed()) {
            mirror.upsert(userId, item, readMark);
        }
        read.removedIds().forEach(id -> mirror.remove(userId, id));
        if (!read.last()) {
            return;
        }
        if (read.full()) {
            mirror.removeUnlisted(userId, readMark, sent.get().sentAt());
        }
        users.saveDeltaLink(userId, read.deltaLink());
        String runId = command.runId();
        if (runId == null) {
            return;
        }
        Optional<SyncTarget> target = users.target(userId);
        if (target.isEmpty()) {
            runs.fail(runId, "Contact sync was disabled, or the user lost their Microsoft 365 e-mail, during the run");
            users.runFinished(userId, false, "disabled during a run");
            return;
        }
        List<RunProblem> problems = new ArrayList<>();
        if (read.deltaLinkExpired()) {
            problems.add(new RunProblem(null, null, "Outlook's change log had expired; a full sync ran instead"));
            runs.upgradeToFull(runId, "delta link expired");
        }
        SyncRun run = runs.find(runId).orElseThrow();
        if (run.mode() == SyncMode.FULL && !read.full()) {
            // Made full while the incremental read was under way: read everything before planning.
            commands.read(target.get(), runId, null);
            runs.record(runId, RunCounts.NONE, problems, 0);
            return;
        }
        runs.markRunning(runId);
        List<SyncAction> plan = SyncPlanner.plan(new SyncPlanner.Input(replica.all(),
                TargetSet.of(target.get().setup()), mirror.forUser(userId), links.forUser(userId)));
        Outcome outcome = execute(target.get(), runId, plan);
        problems.addAll(outcome.problems());
        runs.record(runId, outcome.counts(), problems, outcome.commandsSent() - 1);
        finishIfDone(runId, userId);
    }

    /** The gateway wrote: record links and the mirror, and what failed. */
    @Transactional
    public void contactsWritten(OutlookContactsWritten written) {
        Optional<OutlookCommands.Sent> sent = commands.answered(written.commandId());
        if (sent.isEmpty()) {
            return;
        }
        WriteOutlookContacts command = sent.get().as(WriteOutlookContacts.class);
        String userId = command.userId();
        users.folderNamed(userId, command.folderName());
        Map<String, WriteOutlookContacts.Operation> upserts = new HashMap<>();
        command.operations().stream().filter(op -> op.action() == WriteOutlookContacts.Action.UPSERT)
                .forEach(op -> upserts.put(op.contactNo(), op));
        int failed = 0;
        List<RunProblem> problems = new ArrayList<>();
        List<String> replan = new ArrayList<>();
        for (OutlookContactsWritten.Result result : written.results()) {
            String no = result.contactNo();
            if (result.action() == WriteOutlookContacts.Action.UPSERT) {
                WriteOutlookContacts.Operation op = upserts.get(no);
                if (op == null) {
                    continue;
                }
                switch (result.status()) {
                    case DONE -> {
                        LinkOrigin origin = op.linkOrigin() == LinkOrigin.OUTLOOK ? LinkOrigin.OUTLOOK : LinkOrigin.BC;
                        links.saveLinked(userId, no, result.outlookId(), origin, OutlookComparison.hash(op.contact()));
                        mirror.upsert(userId, new OutlookItem(result.outlookId(), result.changeKey(), no, op.contact(),
                                op.linkOrigin()));
                        Optional<ContactSnapshot> current = replica.find(no);
                        current.ifPresent(c -> metrics.lag(c.lastModifiedAt()));
                        // BC may have changed while the write was on its way.
                        if (current.map(c -> !OutlookComparison.same(FieldMapping.toOutlook(c), op.contact()))
                                .orElse(true)) {
                            replan.add(no);
                        }
                    }
                    case NOT_FOUND -> {
                        // Deleted in Outlook meanwhile: the mirror forgets it, and planning recreates it (S7).
                        mirror.remove(userId, op.outlookId());
                        replan.add(no);
                    }
                    case FAILED -> {
                        failed++;
                        problems.add(new RunProblem(no, op.outlookId(), "Outlook write failed: " + result.reason()));
                        if (op.outlookId() == null) {
                            links.deletePending(userId, no);
                        }
                        retryLater(userId, result.retryable(), result.retryNotBefore());
                    }
                }
            } else if (result.status() == OutlookContactsWritten.Status.FAILED) {
                failed++;
                problems.add(new RunProblem(no, result.outlookId(), "Outlook delete failed: " + result.reason()));
                retryLater(userId, result.retryable(), result.retryNotBefore());
            } else {
                String outlookId = deletedId(command, result);
                mirror.remove(userId, outlookId);
                links.deleteIfLinkedTo(userId, no, outlookId);
            }
        }
        metrics.written(written.results());
        if (!replan.isEmpty()) {
            users.target(userId).ifPresent(target -> replan.forEach(no -> contactChanged(target, no, replica.find(no))));
        }
        if (command.runId() != null) {
            runs.record(command.runId(), new RunCounts(0, 0, 0, 0, 0, 0, 0, failed), problems, -1);
            finishIfDone(command.runId(), userId);
        }
    }

    /** The gateway could not carry out a whole command (unknown mailbox, access denied, Graph unreachable). */
    @Transactional
    public void commandFailed(CommandFailed failure) {
        Optional<OutlookCommands.Sent> sent = commands.answered(failure.commandId());
        if (sent.isEmpty()) {
            return;
        }
        if (EventTypes.OUTLOOK_WRITE_CONTACTS.equals(sent.get().type())) {
            WriteOutlookContacts command = sent.get().as(WriteOutlookContacts.class);
            command.operations().stream().filter(op -> op.outlookId() == null)
                    .forEach(op -> links.deletePending(failure.userId(), op.contactNo()));
        }
        log.warn("Outlook command {} for user {} failed: {}", failure.commandId(), failure.userId(), failure.reason());
        retryLater(failure.userId(), failure.retryable(), failure.retryNotBefore());
        if (failure.runId() != null) {
            runs.fail(failure.runId(), failure.reason());
            users.runFinished(failure.userId(), false, failure.reason());
            runs.find(failure.runId()).ifPresent(run -> metrics.runFinished(run.mode(), SyncRun.Status.FAILED));
        }
    }

    /** S3 and S9: a BC contact changed or was deleted; every realtime user's folder follows. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void contactChanged(String no) {
        List<SyncTarget> targets = users.targets(true);
        if (targets.isEmpty()) {
            return;
        }
        // read once for every realtime user: a BC change fans out to each of them in this one transaction
        Optional<ContactSnapshot> contact = replica.find(no);
        for (SyncTarget target : targets) {
            contactChanged(target, no, contact);
        }
    }

    private void contactChanged(SyncTarget target, String no, Optional<ContactSnapshot> contact) {
        String userId = target.userId();
        Optional<Link> link = links.findForUpdate(userId, no);
        // Only what concerns this contact: its tagged copies, its linked one and typed ones with its e-mail (S8).
        List<OutlookItem> items = mirror.relevantTo(userId, no, link.map(Link::outlookId).orElse(null),
                        contact.map(ContactSnapshot::email).orElse(null)).stream()
                .filter(item -> item.bcContactNo() == null || no.equals(item.bcContactNo()))
                .toList();
        Map<String, ContactSnapshot> bc = contact.map(c -> Map.of(no, c)).orElse(Map.of());
        List<SyncAction> plan = SyncPlanner.plan(new SyncPlanner.Input(bc, TargetSet.of(target.setup()), items,
                link.map(l -> Map.of(no, l)).orElse(Map.of()))).stream()
                .filter(action -> !(action instanceof SyncAction.Import || action instanceof SyncAction.Skip))
                .toList();
        execute(target, null, plan);
    }

    /** Throttling and passing failures are retried by the orchestrator itself, once Graph says it may work again. */
    private void retryLater(String userId, boolean retryable, Instant notBefore) {
        if (retryable) {
            Instant earliest = Instant.now().plus(properties.retryDelay());
            users.retryAt(userId, notBefore != null && notBefore.isAfter(earliest) ? notBefore : earliest);
        }
    }

    /** Starts the runs whose retry time has come. */
    @Transactional
    public void startDueRetries() {
        for (String userId : users.claimDueRetries(Instant.now())) {
            requestRun(userId, SyncMode.INCREMENTAL, "retry of what Graph throttled or failed", null, null);
        }
    }

    private record Outcome(RunCounts counts, List<RunProblem> problems, int commandsSent) {
    }

    private Outcome execute(SyncTarget target, String runId, List<SyncAction> plan) {
        String userId = target.userId();
        List<WriteOutlookContacts.Operation> operations = new ArrayList<>();
        List<RunProblem> problems = new ArrayList<>();
        int created = 0, updated = 0, deleted = 0, recreated = 0, imported = 0, linked = 0, skipped = 0;
        for (SyncAction action : plan) {
            if (action instanceof SyncAction.Create create) {
                operations.add(new WriteOutlookContacts.Operation(WriteOutlookContacts.Action.UPSERT,
                        create.contactNo(), null, create.contact()));
                links.savePending(userId, create.contactNo());
                if (create.recreate()) {
                    recreated++;
                } else {
                    created++;
                }
            } else if (action instanceof SyncAction.Update update) {
                operations.add(new WriteOutlookContacts.Operation(WriteOutlookContacts.Action.UPSERT,
                        update.contactNo(), update.outlookId(), update.contact(), SyncPlanner.originTag(update.origin())));
                updated++;
            } else if (action instanceof SyncAction.Delete delete) {
                operations.add(new WriteOutlookContacts.Operation(WriteOutlookContacts.Action.DELETE,
                        delete.contactNo(), delete.outlookId(), null));
                deleted++;
            } else if (action instanceof SyncAction.Adopt adopt) {
                links.saveLinked(userId, adopt.contactNo(), adopt.outlookId(), adopt.origin(), null);
                linked++;
            } else if (action instanceof SyncAction.Unlink unlink) {
                links.delete(userId, unlink.contactNo());
            } else if (action instanceof SyncAction.Import request) {
                // The producer's id makes a repeated import update the contact the first one created (S12).
                String externalId = "outlook:" + userId + ":" + request.outlookId();
                outbox.append(Topics.BC_CONTACT_REQUESTS, CloudEvents.create(properties.source(),
                        EventTypes.CONTACT_UPSERT_REQUESTED, externalId,
                        new ContactUpsertRequested(request.fields(), externalId, null)));
                request.cuts().forEach(cut -> problems.add(new RunProblem(null, request.outlookId(),
                        "Imported with " + cut)));
                imported++;
            } else if (action instanceof SyncAction.Skip skip) {
                problems.add(new RunProblem(null, skip.outlookId(), "Left alone: " + skip.reason()));
                skipped++;
            }
        }
        int sent = operations.isEmpty() ? 0 : commands.write(target, runId, operations);
        metrics.planned(plan);
        return new Outcome(new RunCounts(created, updated, deleted, recreated, imported, linked, skipped, 0),
                problems, sent);
    }

    private void finishIfDone(String runId, String userId) {
        runs.finishIfDone(runId).ifPresent(run -> {
            users.runFinished(userId, run.status() == SyncRun.Status.SUCCEEDED,
                    run.status() == SyncRun.Status.SUCCEEDED ? null : run.counts().failed() + " contacts failed");
            metrics.runFinished(run.mode(), run.status());
        });
    }

    /** The Outlook id a delete result is about: the gateway reports it, else the operation named it. */
    private static String deletedId(WriteOutlookContacts command, OutlookContactsWritten.Result result) {
        if (result.outlookId() != null) {
            return result.outlookId();
        }
        return command.operations().stream()
                .filter(op -> op.action() == WriteOutlookContacts.Action.DELETE && op.contactNo().equals(result.contactNo()))
                .map(WriteOutlookContacts.Operation::outlookId)
                .findFirst().orElse(null);
    }
}

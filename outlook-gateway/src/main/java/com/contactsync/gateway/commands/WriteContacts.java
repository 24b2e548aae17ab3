package com.contactsync.gateway.commands;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.events.CommandFailed;
import com.contactsync.contracts.events.OutlookContactsWritten;
import com.contactsync.contracts.events.OutlookContactsWritten.Result;
import com.contactsync.contracts.events.OutlookContactsWritten.Status;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.contracts.events.WriteOutlookContacts.Action;
import com.contactsync.contracts.events.WriteOutlookContacts.Operation;
import com.contactsync.gateway.graph.BatchStep;
import com.contactsync.gateway.graph.ContactMapping;
import com.contactsync.gateway.graph.ContactSteps;
import com.contactsync.gateway.graph.FolderReader;
import com.contactsync.gateway.graph.Folders;
import com.contactsync.gateway.graph.GraphCallException;
import com.contactsync.gateway.graph.GraphFailure;
import com.contactsync.gateway.graph.GraphMailboxes;
import com.contactsync.gateway.graph.MailboxSession;
import com.contactsync.gateway.graph.RetryProperties;
import com.contactsync.gateway.graph.StepOutcome;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Carries out a {@code write-contacts} command in the user's folder, all writes through {@code $batch}: UPSERT with
 * an Outlook id updates that contact (PATCH of the mapped fields and tags; 404 → {@code NOT_FOUND}, so the
 * orchestrator recreates it), UPSERT without one creates it, DELETE deletes it (404 → {@code NOT_FOUND}, which counts
 * as done). Answers {@code contacts-written} with one result per operation, or {@code command-failed} when the folder
 * itself cannot be had (no such mailbox, no access, Graph down).
 *
 * <p>Never creates twice (S12): a create whose outcome is unknown is looked up by its tag before it is sent again,
 * and so is a create that may have happened before — after such an unknown outcome in an earlier command, or when
 * Kafka may be delivering the command again after a crash. Other creates are sent without a look-up.
 */
@Component
class WriteContacts {

    private static final Logger log = LoggerFactory.getLogger(WriteContacts.class);
    /** More look-ups than one batch holds cost less as one listing of the folder's tags. */
    private static final int LOOK_UPS_BY_STEP = 20;

    private final GraphMailboxes mailboxes;
    private final Folders folders;
    private final CreateSuspects suspects;
    private final RetryProperties retry;

    WriteContacts(GraphMailboxes mailboxes, Folders folders, CreateSuspects suspects, RetryProperties retry) {
        this.mailboxes = mailboxes;
        this.folders = folders;
        this.suspects = suspects;
        this.retry = retry;
    }

    /**
     * @param possiblyRedelivered whether another gateway may have carried this command out already (it comes again
     *                            after a crash or rebalance): its creates are looked up first
     * @param deadline System.nanoTime until which the command may wait for limits and retries
     * @return the data of the answer: {@link OutlookContactsWritten} or {@link CommandFailed}
     */
    Answer execute(WriteOutlookContacts command, boolean possiblyRedelivered, long deadline) {
        MailboxSession session = mailboxes.session(command.mailbox(), deadline);
        Folders.Folder folder;
        try {
            folder = folders.ensure(session, command.folderName(), command.previousFolderName());
        } catch (GraphCallException e) {
            GraphFailure failure = e.failure();
            log.warn("Command {}: no folder '{}' in {}: {}", command.commandId(), command.folderName(), command.mailbox(), failure.reason());
            return new Answer(EventTypes.OUTLOOK_COMMAND_FAILED, new CommandFailed(command.commandId(), command.userId(), command.mailbox(),
                    command.runId(), failure.reason(), failure.retryable(), failure.retryNotBefore()));
        }
        Write write = new Write(session, command, folder, possiblyRedelivered);
        List<Result> results = write.run();
        return new Answer(EventTypes.OUTLOOK_CONTACTS_WRITTEN, new OutlookContactsWritten(command.commandId(), command.userId(),
                command.mailbox(), command.runId(), write.folder.id(), results));
    }

    /** A found contact, or none (id null). */
    private record Found(String id, String changeKey) {
    }

    /** One command's writes. Operations are known by their index in the command; results come in that order. */
    private final class Write {

        final MailboxSession session;
        final WriteOutlookContacts command;
        final List<Operation> operations;
        final Result[] results;
        final boolean possiblyRedelivered;
        Folders.Folder folder;
        ContactSteps steps;
        /** Operations whose result is another's: an earlier UPSERT of a contact the command creates again later. */
        final Map<Integer, Integer> sameAs = new HashMap<>();
        /** The person's categories of each contact this command adopts. */
        Map<Integer, List<String>> adoptionCategories = Map.of();

        Write(MailboxSession session, WriteOutlookContacts command, Folders.Folder folder, boolean possiblyRedelivered) {
            this.session = session;
            this.command = command;
            this.operations = command.operations();
            this.results = new Result[operations.size()];
            this.folder = folder;
            this.steps = ContactSteps.in(session, folder.id());
            this.possiblyRedelivered = possiblyRedelivered;
        }

        List<Result> run() {
            List<Integer> creates = new ArrayList<>();
            Map<Integer, String> updates = new LinkedHashMap<>();
            Map<Integer, String> deletes = new LinkedHashMap<>();
            List<Integer> deletesToFind = new ArrayList<>();
            Map<String, Integer> createOf = new HashMap<>();
            for (int i = 0; i < operations.size(); i++) {
                Operation op = operations.get(i);
                if (op.action() == null || blank(op.contactNo()) || (op.action() == Action.UPSERT && op.contact() == null)) {
                    results[i] = failed(op, null, "an operation needs action and contactNo, an UPSERT also contact", false, null);
                } else if (op.action() == Action.DELETE) {
                    if (blank(op.outlookId())) {
                        deletesToFind.add(i);
                    } else {
                        deletes.put(i, op.outlookId());
                    }
                } else if (!blank(op.outlookId())) {
                    updates.put(i, op.outlookId());
                } else {
                    // Creating one contact twice in one command would make a duplicate: the last UPSERT wins
                    Integer earlier = createOf.put(op.contactNo(), i);
                    if (earlier != null) {
                        creates.remove(earlier);
                        sameAs.put(earlier, i);
                    }
                    creates.add(i);
                }
            }
            List<Integer> suspect = creates.stream()
                    .filter(i -> possiblyRedelivered || suspects.contains(command.mailbox(), operations.get(i).contactNo()))
                    .toList();
            if (!suspect.isEmpty() || !deletesToFind.isEmpty()) {
                List<Integer> toFind = new ArrayList<>(suspect);
                toFind.addAll(deletesToFind);
                Map<Integer, Found> found = lookUp(toFind);
                for (Integer i : suspect) {
                    Found contact = found.get(i);
                    if (contact == null) {
                        // The look-up failed (and said so in the result): creating now could make a duplicate
                        creates.remove(i);
                    } else if (contact.id() != null) {
                        // It exists from an earlier attempt, maybe with older values: make it what this command says
                        creates.remove(i);
                        updates.put(i, contact.id());
                    }
                }
                for (Integer i : deletesToFind) {
                    Found contact = found.get(i);
                    if (contact != null && contact.id() != null) {
                        deletes.put(i, contact.id());
                    } else if (contact != null) {
                        results[i] = new Result(Action.DELETE, operations.get(i).contactNo(), Status.NOT_FOUND, null, null, null, false);
                    }
                }
            }
            adoptionCategories = categoriesOfAdopted(updates);
            writeUntilDone(creates, updates, deletes);
            sameAs.forEach((earlier, later) -> results[earlier] = results[later]);
            return List.of(results);
        }

        /**
         * The categories a person gave each contact the command adopts (an update with a link origin, S8), read in one
         * batch so that the adoption adds ours to theirs; none for a contact whose read failed (its PATCH says why).
         */
        private Map<Integer, List<String>> categoriesOfAdopted(Map<Integer, String> updates) {
            Map<Integer, String> adoptions = new LinkedHashMap<>();
            updates.forEach((i, id) -> {
                if (operations.get(i).linkOrigin() != null) {
                    adoptions.put(i, id);
                }
            });
            if (adoptions.isEmpty()) {
                return Map.of();
            }
            List<BatchStep> batch = new ArrayList<>();
            adoptions.forEach((i, id) -> batch.add(steps.categories("g" + i, id)));
            Map<String, StepOutcome> outcomes = session.batch(batch);
            Map<Integer, List<String>> categories = new HashMap<>();
            adoptions.forEach((i, id) -> {
                StepOutcome outcome = outcomes.get("g" + i);
                if (outcome.succeeded()) {
                    List<String> current = outcome.value(Contact.class).getCategories();
                    categories.put(i, current == null ? List.of() : current);
                }
            });
            return categories;
        }

        private Contact patch(int i) {
            Operation op = operations.get(i);
            List<String> categories = adoptionCategories.get(i);
            return categories == null ? ContactMapping.forUpdate(op.contactNo(), op.contact(), op.linkOrigin())
                    : ContactMapping.forAdoption(op.contactNo(), op.contact(), op.linkOrigin(), categories);
        }

        /** The creates are sent until each is done, refused, found by its tag, or attempts and time are up. */
        private void writeUntilDone(List<Integer> creates, Map<Integer, String> updates, Map<Integer, String> deletes) {
            for (int round = 1; ; round++) {
                List<BatchStep> batch = new ArrayList<>();
                creates.forEach(i -> batch.add(steps.create("c" + i, ContactMapping.forCreate(operations.get(i).contactNo(),
                        operations.get(i).contact(), operations.get(i).linkOrigin()))));
                updates.forEach((i, id) -> batch.add(steps.update("u" + i, id, patch(i))));
                deletes.forEach((i, id) -> batch.add(steps.delete("d" + i, id)));
                Map<String, StepOutcome> outcomes = session.batch(batch);
                updates.forEach((i, id) -> results[i] = updated(i, id, outcomes.get("u" + i)));
                deletes.forEach((i, id) -> results[i] = deleted(i, id, outcomes.get("d" + i)));
                updates.clear();
                deletes.clear();

                List<Integer> unknown = new ArrayList<>();
                List<Integer> folderMissing = new ArrayList<>();
                for (Integer i : creates) {
                    StepOutcome outcome = outcomes.get("c" + i);
                    String contactNo = operations.get(i).contactNo();
                    if (outcome.succeeded()) {
                        suspects.clear(command.mailbox(), contactNo);
                        Contact created = outcome.value(Contact.class);
                        results[i] = done(i, created.getId(), created.getChangeKey());
                    } else if (outcome.outcomeUnknown()) {
                        suspects.add(command.mailbox(), contactNo);
                        unknown.add(i);
                    } else if (outcome.status() == 404) {
                        folderMissing.add(i);
                    } else {
                        results[i] = failed(operations.get(i), null, outcome.failure());
                    }
                }
                List<Integer> again = new ArrayList<>();
                if (!folderMissing.isEmpty()) {
                    again.addAll(recreateFolder(folderMissing));
                }
                if (!unknown.isEmpty()) {
                    again.addAll(lookUpUnknown(unknown, outcomes));
                }
                if (again.isEmpty()) {
                    return;
                }
                if (round >= retry.maxAttempts() || !session.backOff(round)) {
                    int attempts = round;
                    again.forEach(i -> results[i] = failed(operations.get(i), null, "Graph failed " + attempts + " times to create it, last: "
                            + outcomes.get("c" + i).failure().reason(), true, null));
                    return;
                }
                creates = again;
            }
        }

        /** S12: looks up the creates whose outcome is unknown; those not found are to be sent again. */
        private List<Integer> lookUpUnknown(List<Integer> unknown, Map<String, StepOutcome> outcomes) {
            Map<Integer, Found> found = lookUp(unknown);
            List<Integer> again = new ArrayList<>();
            for (Integer i : unknown) {
                Found contact = found.get(i);
                String contactNo = operations.get(i).contactNo();
                if (contact == null) {
                    results[i] = failed(operations.get(i), null, "Graph did not say whether it created the contact ("
                            + outcomes.get("c" + i).failure().reason() + ") and it could not be looked up; the next attempt looks it up first",
                            true, results[i].retryNotBefore());
                } else if (contact.id() != null) {
                    suspects.clear(command.mailbox(), contactNo);
                    results[i] = done(i, contact.id(), contact.changeKey());
                } else {
                    suspects.clear(command.mailbox(), contactNo);
                    again.add(i);
                }
            }
            return again;
        }

        /**
         * A create found no folder: when the folder came from memory and is gone (the user deleted it), the folder
         * is made again and the creates go there; otherwise they fail.
         */
        private List<Integer> recreateFolder(List<Integer> creates) {
            try {
                if (folder.remembered() && !folders.exists(session, folder.id())) {
                    folders.forget(command.mailbox(), command.folderName());
                    folder = folders.ensure(session, command.folderName(), null);
                    steps = ContactSteps.in(session, folder.id());
                    return creates;
                }
                creates.forEach(i -> results[i] = failed(operations.get(i), null, "Graph answered 404 for a create in folder "
                        + folder.id() + ", which exists", true, null));
            } catch (GraphCallException e) {
                creates.forEach(i -> results[i] = failed(operations.get(i), null, e.failure()));
            }
            return List.of();
        }

        /**
         * The contacts tagged with each operation's contactNo: a {@link Found} with the id, or with a null id when there
         * is none; no entry, and a failed result, when the look-up itself failed. Up to twenty are looked up one step
         * each in a batch; more by listing the folder's tags, one request per 1,000 contacts.
         */
        private Map<Integer, Found> lookUp(List<Integer> indexes) {
            return indexes.size() > LOOK_UPS_BY_STEP ? lookUpByListing(indexes) : lookUpByStep(indexes);
        }

        private Map<Integer, Found> lookUpByStep(List<Integer> indexes) {
            List<BatchStep> batch = new ArrayList<>();
            indexes.forEach(i -> batch.add(steps.lookup("l" + i, operations.get(i).contactNo())));
            Map<String, StepOutcome> outcomes = session.batch(batch);
            Map<Integer, Found> found = new HashMap<>();
            for (Integer i : indexes) {
                StepOutcome outcome = outcomes.get("l" + i);
                if (outcome.succeeded()) {
                    List<Contact> tagged = outcome.value(ContactCollectionResponse.class).getValue();
                    found.put(i, tagged == null || tagged.isEmpty() ? new Found(null, null)
                            : new Found(tagged.get(0).getId(), tagged.get(0).getChangeKey()));
                } else {
                    results[i] = failed(operations.get(i), null, outcome.failure());
                }
            }
            return found;
        }

        private Map<Integer, Found> lookUpByListing(List<Integer> indexes) {
            Map<String, Found> byContactNo = new HashMap<>();
            try {
                for (Contact contact : FolderReader.of(session, folder.id()).everyContact()) {
                    String contactNo = ContactMapping.Tags.of(contact).bcContactNo();
                    if (contactNo != null) {
                        byContactNo.putIfAbsent(contactNo, new Found(contact.getId(), contact.getChangeKey()));
                    }
                }
            } catch (GraphCallException e) {
                indexes.forEach(i -> results[i] = failed(operations.get(i), null, e.failure()));
                return Map.of();
            }
            Map<Integer, Found> found = new HashMap<>();
            indexes.forEach(i -> found.put(i, byContactNo.getOrDefault(operations.get(i).contactNo(), new Found(null, null))));
            return found;
        }

        private Result updated(int i, String outlookId, StepOutcome outcome) {
            if (outcome.succeeded()) {
                Contact patched = outcome.value(Contact.class);
                return done(i, outlookId, patched == null ? null : patched.getChangeKey());
            }
            if (outcome.status() == 404) {
                return new Result(Action.UPSERT, operations.get(i).contactNo(), Status.NOT_FOUND, outlookId, null, null, false);
            }
            return failed(operations.get(i), outlookId, outcome.failure());
        }

        private Result deleted(int i, String outlookId, StepOutcome outcome) {
            if (outcome.succeeded()) {
                return new Result(Action.DELETE, operations.get(i).contactNo(), Status.DONE, outlookId, null, null, false);
            }
            if (outcome.status() == 404) {
                return new Result(Action.DELETE, operations.get(i).contactNo(), Status.NOT_FOUND, outlookId, null, null, false);
            }
            return failed(operations.get(i), outlookId, outcome.failure());
        }

        private Result done(int i, String outlookId, String changeKey) {
            return new Result(operations.get(i).action(), operations.get(i).contactNo(), Status.DONE, outlookId, changeKey, null, false);
        }
    }

    private static Result failed(Operation op, String outlookId, GraphFailure failure) {
        return failed(op, outlookId, failure.reason(), failure.retryable(), failure.retryNotBefore());
    }

    private static Result failed(Operation op, String outlookId, String reason, boolean retryable, Instant retryNotBefore) {
        return new Result(op.action(), op.contactNo(), Status.FAILED, outlookId, null, reason, retryable, retryNotBefore);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

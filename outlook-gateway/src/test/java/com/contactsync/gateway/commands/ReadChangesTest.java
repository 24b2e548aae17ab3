package com.contactsync.gateway.commands;

import static com.contactsync.gateway.OutlookView.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.LinkOrigin;
import com.contactsync.contracts.events.OutlookChangesRead;
import com.contactsync.contracts.events.OutlookItem;
import com.contactsync.contracts.events.ReadOutlookChanges;
import com.contactsync.gateway.OutlookView;
import com.contactsync.gateway.RunningGateway;
import com.contactsync.graphsim.RunningSimulator;
import com.contactsync.testinfra.RealInfrastructure;
import com.microsoft.graph.models.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reading what people did in Outlook through delta queries, against the simulator: small delta pages and small
 * answer parts here, so paging and parts are exercised with a handful of contacts.
 */
@RealInfrastructure
class ReadChangesTest {

    private static final String FOLDER = "Business Central";
    private static final int ITEMS_PER_EVENT = 5;

    private static final RunningSimulator simulator = RunningSimulator.get();
    private static final OutlookView outlook = new OutlookView();
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(Map.of(
                "contactsync.gateway.read.items-per-event", ITEMS_PER_EVENT,
                "contactsync.gateway.read.delta-page-size", 3,
                "contactsync.gateway.read.tags-by-listing-from", 4));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void S5_aFullReadListsEveryContactWithItsTagsAndStartsADeltaLink() {
        String mailbox = simulator.newMailbox();
        String folderId = outlook.createFolder(mailbox, FOLDER);
        Contact ours = outlook.create(mailbox, folderId, OutlookView.tagged(fields("Ada", "Lovelace"), "CT000001", null));
        Contact adopted = outlook.create(mailbox, folderId, OutlookView.tagged(fields("Grace", "Hopper"), "CT000002", LinkOrigin.OUTLOOK));
        Contact typed = outlook.create(mailbox, folderId, OutlookView.typed("Jan", "Novak"));
        outlook.create(mailbox, outlook.createFolder(mailbox, "Private"), OutlookView.typed("Not", "Here"));

        List<OutlookChangesRead> parts = read(mailbox, null);

        assertThat(parts).hasSize(1);
        OutlookChangesRead read = parts.get(0);
        assertThat(read.full()).isTrue();
        assertThat(read.deltaLinkExpired()).isFalse();
        assertThat(read.folderId()).isEqualTo(folderId);
        assertThat(read.deltaLink()).isNotBlank();
        assertThat(read.removedIds()).isEmpty();
        assertThat(read.changed()).extracting(OutlookItem::id, OutlookItem::bcContactNo, OutlookItem::linkOrigin).containsExactlyInAnyOrder(
                tuple(ours.getId(), "CT000001", null),
                tuple(adopted.getId(), "CT000002", LinkOrigin.OUTLOOK),
                tuple(typed.getId(), null, null));
        OutlookItem ada = read.changed().stream().filter(item -> item.id().equals(ours.getId())).findFirst().orElseThrow();
        assertThat(ada.contact()).isEqualTo(fields("Ada", "Lovelace"));
        assertThat(ada.changeKey()).isEqualTo(ours.getChangeKey());
    }

    @Test
    void S4_deltaReturnsTheAddsEditsAndDeletionsAPersonMadeInOutlook() {
        String mailbox = simulator.newMailbox();
        String folderId = outlook.createFolder(mailbox, FOLDER);
        Contact edited = outlook.create(mailbox, folderId, OutlookView.tagged(fields("Alan", "Turing"), "CT000003", null));
        Contact deleted = outlook.create(mailbox, folderId, OutlookView.tagged(fields("Kurt", "Goedel"), "CT000004", null));
        outlook.create(mailbox, folderId, OutlookView.tagged(fields("John", "Neumann"), "CT000005", null));
        String deltaLink = last(read(mailbox, null)).deltaLink();

        Contact added = outlook.create(mailbox, folderId, OutlookView.typed("Jan", "Novak"));
        Contact rename = new Contact();
        rename.setSurname("Turing-Edited");
        outlook.patch(mailbox, edited.getId(), rename);
        outlook.delete(mailbox, deleted.getId());

        List<OutlookChangesRead> parts = read(mailbox, deltaLink);

        OutlookChangesRead read = last(parts);
        assertThat(read.full()).isFalse();
        assertThat(read.deltaLinkExpired()).isFalse();
        assertThat(read.deltaLink()).isNotBlank().isNotEqualTo(deltaLink);
        assertThat(changed(parts)).extracting(OutlookItem::id, OutlookItem::bcContactNo, item -> item.contact().surname())
                .containsExactlyInAnyOrder(tuple(added.getId(), null, "Novak"), tuple(edited.getId(), "CT000003", "Turing-Edited"));
        assertThat(removed(parts)).containsExactly(deleted.getId());

        assertThat(changed(read(mailbox, read.deltaLink()))).as("nothing new since").isEmpty();
    }

    @Test
    void S5_anExpiredDeltaLinkIsAnsweredWithAFullReadThatSaysSo() {
        String mailbox = simulator.newMailbox();
        String folderId = outlook.createFolder(mailbox, FOLDER);
        Contact ours = outlook.create(mailbox, folderId, OutlookView.tagged(fields("Ada", "Lovelace"), "CT000006", null));
        String deltaLink = last(read(mailbox, null)).deltaLink();
        simulator.mailboxSettings(mailbox, "{\"deltaTokenLifetime\": \"PT0S\"}");

        List<OutlookChangesRead> parts = read(mailbox, deltaLink);

        OutlookChangesRead read = last(parts);
        assertThat(read.full()).isTrue();
        assertThat(read.deltaLinkExpired()).isTrue();
        assertThat(read.deltaLink()).isNotBlank();
        assertThat(changed(parts)).extracting(OutlookItem::id, OutlookItem::bcContactNo).containsExactly(tuple(ours.getId(), "CT000006"));
    }

    @Test
    void S5_aDeltaLinkOfAFolderTheUserDeletedCountsAsExpiredAndTheFolderIsMadeAgain() {
        String mailbox = simulator.newMailbox();
        String folderId = outlook.createFolder(mailbox, FOLDER);
        outlook.create(mailbox, folderId, OutlookView.tagged(fields("Ada", "Lovelace"), "CT000007", null));
        String deltaLink = last(read(mailbox, null)).deltaLink();
        outlook.deleteFolder(mailbox, folderId);

        OutlookChangesRead read = last(read(mailbox, deltaLink));

        assertThat(read.full()).isTrue();
        assertThat(read.deltaLinkExpired()).isTrue();
        assertThat(read.folderId()).isNotEqualTo(folderId).isEqualTo(outlook.folderId(mailbox, FOLDER).orElseThrow());
        assertThat(read.changed()).isEmpty();
    }

    @Test
    void aLargeAnswerComesInPartsInOrderWithTheDeltaLinkOnlyOnTheLast() {
        String mailbox = simulator.newMailbox();
        String folderId = outlook.createFolder(mailbox, FOLDER);
        List<String> ids = IntStream.range(0, 12)
                .mapToObj(i -> outlook.create(mailbox, folderId, OutlookView.tagged(fields("Given" + i, "Surname" + i), "CT0001" + (10 + i), null)).getId())
                .toList();

        List<OutlookChangesRead> parts = read(mailbox, null);

        assertThat(parts).extracting(OutlookChangesRead::part, OutlookChangesRead::last, p -> p.changed().size(), p -> p.deltaLink() != null)
                .containsExactly(tuple(1, false, 5, false), tuple(2, false, 5, false), tuple(3, true, 2, true));
        assertThat(parts).allSatisfy(part -> assertThat(part.full()).isTrue());
        assertThat(changed(parts)).extracting(OutlookItem::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(changed(parts)).allSatisfy(item -> assertThat(item.bcContactNo()).startsWith("CT0001"));
    }

    @Test
    void readingAFolderThatDoesNotExistYetCreatesItAndAnswersAnEmptyFullRead() {
        String mailbox = simulator.newMailbox();

        OutlookChangesRead read = last(read(mailbox, null));

        assertThat(read.full()).isTrue();
        assertThat(read.changed()).isEmpty();
        assertThat(read.folderId()).isEqualTo(outlook.folderId(mailbox, FOLDER).orElseThrow());
    }

    /** Sends a read-changes command and returns every part of its answer, in order. */
    private static List<OutlookChangesRead> read(String mailbox, String deltaLink) {
        ReadOutlookChanges command = new ReadOutlookChanges(UUID.randomUUID().toString(), "user-1", mailbox, FOLDER, "run-1", deltaLink);
        gateway.send(command);
        return gateway.awaitAnswer(command.commandId()).stream().map(r -> EventJson.read(r.value(), OutlookChangesRead.class)).toList();
    }

    private static OutlookChangesRead last(List<OutlookChangesRead> parts) {
        assertThat(parts.get(parts.size() - 1).last()).isTrue();
        return parts.get(parts.size() - 1);
    }

    private static List<OutlookItem> changed(List<OutlookChangesRead> parts) {
        List<OutlookItem> all = new ArrayList<>();
        parts.forEach(part -> all.addAll(part.changed()));
        return all;
    }

    private static List<String> removed(List<OutlookChangesRead> parts) {
        List<String> all = new ArrayList<>();
        parts.forEach(part -> all.addAll(part.removedIds()));
        return all;
    }
}

package com.contactsync.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.testinfra.RealInfrastructure;
import com.microsoft.graph.models.Contact;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each sync rule of SYNC-SPEC end to end: all four services on real Kafka and PostgreSQL, the gateway writing
 * through the Graph SDK into the simulator. BC is acted on only through contact-service's REST API, Outlook only
 * through Graph, and every check reads the same way.
 */
@RealInfrastructure
class SyncRulesTest {

    private static ContactSyncSystem system;

    @BeforeAll
    static void startSystem() {
        system = ContactSyncSystem.get();
    }

    @Test
    void S1_fullSyncMirrorsExactlyTheTargetSet() {
        Scenario s = new Scenario(system, false);
        String a = s.bcPerson("Ada Lovelace", unique("ada"));
        String b = s.bcPerson("Alan Turing", unique("alan"));
        s.bcContact(Map.of("type", "COMPANY", "name", "Analytical Engines", "email", unique("co"), "city", s.city));
        s.bcContact(Map.of("type", "PERSON", "name", "No Mail", "city", s.city));
        s.bcContact(Map.of("type", "PERSON", "name", "Blocked", "email", unique("blk"), "city", s.city,
                "privacyBlocked", true));
        s.bcContact(Map.of("type", "PERSON", "name", "Elsewhere", "email", unique("else"), "city", "Nowhere"));

        Map<String, Object> run = s.run("FULL");

        assertThat(run.get("status")).isEqualTo("SUCCEEDED");
        assertThat(Scenario.counts(run).get("created")).isEqualTo(2);
        Map<String, Contact> folder = s.awaitFolderHolds(a, b);
        assertThat(folder.get(a).getDisplayName()).isEqualTo("Ada Lovelace");
        assertThat(folder.get(b).getCategories()).contains("Business Central");
    }

    @Test
    void S2_outlookEditsOfMappedFieldsAreOverwrittenAndOtherFieldsKept() {
        Scenario s = new Scenario(system, false);
        String no = s.bcPerson("Grace Hopper", unique("grace"));
        s.run("FULL");
        Contact synced = s.awaitFolderHolds(no).get(no);
        Contact edit = new Contact();
        edit.setDisplayName("Amazing Grace");
        edit.setPersonalNotes("met at the conference");
        s.personEdits(synced.getId(), edit);

        s.run("INCREMENTAL");

        Contact after = s.awaitFolderHolds(no).get(no);
        assertThat(after.getDisplayName()).isEqualTo("Grace Hopper");
        assertThat(after.getPersonalNotes()).isEqualTo("met at the conference");
    }

    @Test
    void S3_realtimeChangeReachesOutlookWithoutASync() {
        Scenario s = new Scenario(system, true);
        String no = s.bcPerson("Katherine Johnson", unique("kj"));
        s.awaitFolderHolds(no);

        s.bcPatch(no, Map.of("jobTitle", "Mathematician"));

        await().atMost(Duration.ofSeconds(60)).until(() -> "Mathematician".equals(s.taggedContacts().get(no).getJobTitle()));
    }

    @Test
    void S4_S6_incrementalSyncImportsContactsTypedIntoOutlookAndSkipsIncompleteOnes() {
        Scenario s = new Scenario(system, false);
        String anchor = s.syncedAnchor();
        String email = unique("typed");
        String typed = s.personTypes("Typed Person", email);
        String nameless = s.personTypes(null, unique("nameless"));

        Map<String, Object> run = s.run("INCREMENTAL");

        assertThat(Scenario.counts(run).get("imported")).isEqualTo(1);
        assertThat(Scenario.counts(run).get("skipped")).isEqualTo(1);
        assertThat(problems(run)).anySatisfy(p -> {
            assertThat(p.get("outlookId")).isEqualTo(nameless);
            assertThat((String) p.get("message")).contains("no name");
        });
        List<Map<String, Object>> imported = await().atMost(Duration.ofSeconds(60))
                .until(() -> s.bcWithEmail(email), found -> found.size() == 1);
        assertThat(imported.get(0).get("type")).isEqualTo("PERSON");
        assertThat(imported.get(0).get("name")).isEqualTo("Typed Person");
        // The new BC contact has no city, so it is outside this user's filter: the typed contact stays as it was.
        assertThat(s.untaggedContacts()).extracting(Contact::getId).contains(typed);
    }

    @Test
    void S5_fullSyncRepairsWhatAnIncrementalSyncCannotSee() {
        Scenario s = new Scenario(system, false);
        String no = s.bcPerson("Barbara Liskov", unique("bl"));
        s.run("FULL");
        String outlookId = s.awaitFolderHolds(no).get(no).getId();
        s.personDeletes(outlookId);

        Map<String, Object> run = s.run("FULL");

        assertThat(run.get("mode")).isEqualTo("FULL");
        assertThat(Scenario.counts(run).get("recreated")).isEqualTo(1);
        assertThat(s.awaitFolderHolds(no).get(no).getId()).isNotEqualTo(outlookId);
    }

    @Test
    void S7_deletedInOutlookIsRecreated() {
        Scenario s = new Scenario(system, false);
        String no = s.bcPerson("Margaret Hamilton", unique("mh"));
        s.run("FULL");
        s.personDeletes(s.awaitFolderHolds(no).get(no).getId());

        Map<String, Object> run = s.run("INCREMENTAL");

        assertThat(Scenario.counts(run).get("recreated")).isEqualTo(1);
        assertThat(s.awaitFolderHolds(no).get(no).getDisplayName()).isEqualTo("Margaret Hamilton");
    }

    @Test
    void S8_typedContactWithTheEmailOfABcContactIsLinkedNotDuplicated() {
        Scenario s = new Scenario(system, false);
        String anchor = s.syncedAnchor();
        String email = unique("shared");
        String typed = s.personTypes("Typed Version", email.toUpperCase());
        String no = s.bcPerson("BC Version", email);

        Map<String, Object> run = s.run("INCREMENTAL");

        assertThat(Scenario.counts(run).get("linked")).isEqualTo(1);
        Map<String, Contact> folder = s.awaitFolderHolds(anchor, no);
        assertThat(folder.get(no).getId()).isEqualTo(typed);
        assertThat(folder.get(no).getDisplayName()).isEqualTo("BC Version");
        assertThat(s.bcWithEmail(email)).hasSize(1);
    }

    @Test
    void S8_severalBcContactsWithOneEmailStaySeparateOutlookContacts() {
        Scenario s = new Scenario(system, false);
        String email = unique("family");
        String first = s.bcPerson("First Sharer", email);
        String second = s.bcPerson("Second Sharer", email);

        s.run("FULL");

        assertThat(s.awaitFolderHolds(first, second)).hasSize(2);
    }

    @Test
    void S9_deletedInBcIsDeletedInEveryUsersFolder() {
        Scenario anna = new Scenario(system, true);
        Scenario ben = new Scenario(system, true);
        ben.setup(Map.of("enabled", true, "folderName", Scenario.FOLDER, "filter", Map.of("city", anna.city),
                "realtime", true));
        String no = anna.bcPerson("Shared Customer", unique("shared"));
        anna.awaitFolderHolds(no);
        ben.awaitFolderHolds(no);

        anna.bcDelete(no);

        anna.awaitFolderHolds();
        ben.awaitFolderHolds();
    }

    @Test
    void S10_leavingTheTargetSetRemovesOurCopyButLeavesWhatAPersonTyped() {
        Scenario s = new Scenario(system, false);
        String ours = s.bcPerson("Created By Sync", unique("ours"));
        s.run("FULL");
        s.awaitFolderHolds(ours);
        String email = unique("theirs");
        String typed = s.personTypes("Typed By Person", email);
        String theirs = s.bcPerson("Typed By Person", email);
        s.run("INCREMENTAL");
        assertThat(s.awaitFolderHolds(ours, theirs).get(theirs).getId()).isEqualTo(typed);

        s.bcPatch(ours, Map.of("privacyBlocked", true));
        s.bcPatch(theirs, Map.of("privacyBlocked", true));
        Map<String, Object> run = s.run("INCREMENTAL");

        assertThat(Scenario.counts(run).get("deleted")).isEqualTo(1);
        assertThat(s.taggedContacts()).doesNotContainKey(ours);
        assertThat(s.outlook.contacts(s.mailbox, Scenario.FOLDER)).extracting(Contact::getId).containsExactly(typed);
    }

    @Test
    void S11_contactsTypedIntoOutlookAreNeverTouched() {
        Scenario s = new Scenario(system, false);
        String anchor = s.syncedAnchor();
        String noEmail = s.personTypes("Just A Name", null);

        s.run("FULL");
        s.run("INCREMENTAL");

        Contact untouched = s.untaggedContacts().stream().filter(c -> c.getId().equals(noEmail)).findFirst()
                .orElseThrow();
        assertThat(untouched.getDisplayName()).isEqualTo("Just A Name");
        assertThat(untouched.getCategories()).isNullOrEmpty();
    }

    @Test
    void S12_rerunningSyncsCreatesNothingTwice() {
        Scenario s = new Scenario(system, true);
        String a = s.bcPerson("One", unique("one"));
        String b = s.bcPerson("Two", unique("two"));
        s.awaitFolderHolds(a, b);

        for (int i = 0; i < 3; i++) {
            s.run(i % 2 == 0 ? "FULL" : "INCREMENTAL");
        }

        assertThat(s.awaitFolderHolds(a, b)).hasSize(2);
        assertThat(s.outlook.contacts(s.mailbox, Scenario.FOLDER)).hasSize(2);
    }

    @Test
    void S14_renamingTheFolderRenamesItAndDisablingStopsWork() {
        Scenario s = new Scenario(system, true);
        String no = s.bcPerson("Folder Follower", unique("ff"));
        String outlookId = s.awaitFolderHolds(no).get(no).getId();
        s.setup(Map.of("enabled", true, "folderName", "CRM", "filter", Map.of("city", s.city), "realtime", true));

        s.run("INCREMENTAL");

        assertThat(s.outlook.folder(s.mailbox, Scenario.FOLDER)).isEmpty();
        assertThat(s.outlook.contacts(s.mailbox, "CRM")).extracting(Contact::getId).containsExactly(outlookId);

        // A second user with the same filter sees every change this user would.
        Scenario witness = new Scenario(system, true);
        witness.setup(Map.of("enabled", true, "folderName", Scenario.FOLDER, "filter", Map.of("city", s.city),
                "realtime", true));
        witness.run("FULL");
        witness.awaitFolderHolds(no);
        s.setup(Map.of("enabled", false, "folderName", "CRM", "filter", Map.of("city", s.city), "realtime", true));

        s.bcPatch(no, Map.of("jobTitle", "Changed"));

        // The same event reached the witness's folder, so it was handled; the disabled user's folder did not move.
        await().atMost(Duration.ofSeconds(60)).until(() -> "Changed".equals(witness.taggedContacts().get(no).getJobTitle()));
        Contact unchanged = s.outlook.contacts(s.mailbox, "CRM").get(0);
        assertThat(unchanged.getId()).isEqualTo(outlookId);
        assertThat(unchanged.getJobTitle()).isNull();
    }

    @Test
    void S15_runRecordsCountsAndProblemsAPersonCanActOn() {
        Scenario s = new Scenario(system, false);
        String anchor = s.syncedAnchor();
        String duplicate = s.personTypes("Duplicate Of Anchor", emailOf(s, anchor));

        Map<String, Object> run = s.run("INCREMENTAL");

        assertThat(run).containsKeys("startedAt", "finishedAt", "mode", "counts", "problems");
        assertThat(Scenario.counts(run)).containsKeys("created", "updated", "deleted", "recreated", "imported",
                "linked", "skipped", "failed");
        assertThat(problems(run)).anySatisfy(p -> {
            assertThat(p.get("outlookId")).isEqualTo(duplicate);
            assertThat((String) p.get("message")).contains("duplicate").contains(anchor);
        });
    }

    @Test
    void validateChecksSignInMailboxAndFolderThroughTheGateway() {
        Scenario s = new Scenario(system, false);

        system.client(system.orchestrator).post().uri("/api/v1/users/{u}/contact-sync/validate", s.userId).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.ok").isEqualTo(true)
                .jsonPath("$.checks[*].name").value(names -> assertThat((List<String>) names)
                        .containsSubsequence("user", "setup", "credentials", "mailbox", "folder"));
    }

    private static String emailOf(Scenario s, String no) {
        return Optional.ofNullable(s.taggedContacts().get(no)).orElseThrow().getEmailAddresses().get(0).getAddress();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> problems(Map<String, Object> run) {
        return (List<Map<String, Object>>) run.get("problems");
    }

    private static String unique(String local) {
        return local + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }
}

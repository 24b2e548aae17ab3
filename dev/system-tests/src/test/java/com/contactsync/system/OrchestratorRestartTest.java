package com.contactsync.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.events.ContactFields;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.contracts.events.ContactUpsertRequested;
import com.contactsync.kit.messaging.CloudEventPublisher;
import com.contactsync.orchestrator.replica.ContactReplica;
import com.contactsync.testinfra.RealInfrastructure;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * S13: the orchestrator stopped in the middle of a full sync of 2,000 contacts; the one started in its place
 * finishes with exactly the target set in the folder and no duplicate.
 */
@RealInfrastructure
class OrchestratorRestartTest {

    private static final int CONTACTS = 2_000;

    @Test
    void S13_orchestratorRestartedDuringAFullSyncFinishesWithExactlyTheTargetSetAndNoDuplicate() {
        ContactSyncSystem system = ContactSyncSystem.get();
        Scenario s = new Scenario(system, false);
        CloudEventPublisher publisher = system.contactService.getBean(CloudEventPublisher.class);
        String batch = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < CONTACTS; i++) {
            String externalId = "restart-" + batch + "-" + i;
            ContactFields fields = new ContactFields(null, ContactType.PERSON, "Person " + i, null, null, null, null,
                    null, null, null, "p" + i + "." + batch + "@example.test", null, null, null, null, null, null,
                    s.city, null, null, null, null, null, null, false);
            publisher.send(Topics.BC_CONTACT_REQUESTS, CloudEvents.create("/test", EventTypes.CONTACT_UPSERT_REQUESTED,
                    externalId, new ContactUpsertRequested(fields, externalId, null)));
        }
        publisher.flush();
        await().atMost(Duration.ofMinutes(3)).until(() -> s.bcCount() == CONTACTS);
        // The orchestrator plans from its replica: the run must not start before the replica has every contact.
        await().atMost(Duration.ofMinutes(3)).until(() -> system.orchestrator.getBean(ContactReplica.class).all()
                .values().stream().filter(c -> s.city.equals(c.city())).count() == CONTACTS);

        s.startRun("FULL");
        await().atMost(Duration.ofMinutes(3)).until(() -> s.taggedContacts().size() > 100);
        system.restartOrchestrator();

        // Whatever the stopped run left undone, the next full syncs finish; they converge when one changes nothing.
        await().atMost(Duration.ofMinutes(10)).until(() -> {
            Map<String, Object> run = s.run("FULL");
            Map<String, Object> counts = Scenario.counts(run);
            return "SUCCEEDED".equals(run.get("status"))
                    && counts.get("created").equals(0) && counts.get("recreated").equals(0);
        });
        assertThat(s.taggedContacts()).hasSize(CONTACTS);
        assertThat(s.outlook.contacts(s.mailbox, Scenario.FOLDER)).hasSize(CONTACTS);
    }
}

package com.contactsync.gateway.commands;

import static com.contactsync.gateway.OutlookView.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.OutlookContactsWritten;
import com.contactsync.contracts.events.OutlookContactsWritten.Result;
import com.contactsync.contracts.events.OutlookContactsWritten.Status;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.contracts.events.WriteOutlookContacts.Action;
import com.contactsync.contracts.events.WriteOutlookContacts.Operation;
import com.contactsync.gateway.OutlookView;
import com.contactsync.gateway.RunningGateway;
import com.contactsync.graphsim.RunningSimulator;
import com.contactsync.testinfra.RealInfrastructure;
import com.microsoft.graph.models.Contact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** S12, no duplicates ever: Graph failing, and storing creates it then fails to confirm, and Kafka delivering again. */
@RealInfrastructure
class FaultsTest {

    private static final String FOLDER = "Business Central";

    private static final RunningSimulator simulator = RunningSimulator.get();
    private static final OutlookView outlook = new OutlookView();
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(quickRetries());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static Map<String, Object> quickRetries() {
        return Map.of("contactsync.graph.retry.backoff", "20ms", "contactsync.graph.retry.max-backoff", "200ms");
    }

    @Test
    void aFolderCreateThrottledOnceIsSentAgainWithItsName() {
        String mailbox = simulator.newMailbox();
        // One request a second: the create right after the folder look-up is throttled, then sent again
        simulator.limits(mailbox, "{\"requestsPerWindow\": 1, \"window\": \"PT1S\"}");
        long throttled = caused("RequestRate");

        List<Result> results = written(OutlookCommandsTest.command(mailbox,
                new Operation(Action.UPSERT, "CT000001", null, fields("Given", "Throttled"))));

        simulator.control("DELETE", "/_simulator/limits/" + mailbox, null);
        assertThat(caused("RequestRate")).isGreaterThan(throttled);
        assertThat(results).extracting(Result::status).containsExactly(Status.DONE);
        assertThat(outlook.byContactNo(mailbox, FOLDER)).containsOnlyKeys("CT000001");
    }

    @Test
    void S12_aCreateGraphStoredButAnsweredWith504IsFoundByItsTagAndNotCreatedAgain() {
        String mailbox = simulator.newMailbox();
        outlook.createFolder(mailbox, FOLDER);
        simulator.faults(mailbox, "{\"commitThenFailRate\": 1.0}");
        long committedThenFailed = caused("CommitThenFail");

        List<Result> results = written(OutlookCommandsTest.command(mailbox, IntStream.range(0, 5)
                .mapToObj(i -> new Operation(Action.UPSERT, "CT00000" + i, null, fields("Given" + i, "Stored"))).toArray(Operation[]::new)));

        simulator.control("DELETE", "/_simulator/faults/" + mailbox, null);
        assertThat(caused("CommitThenFail") - committedThenFailed).isEqualTo(5);
        Map<String, List<Contact>> stored = outlook.byContactNo(mailbox, FOLDER);
        assertThat(stored).hasSize(5).allSatisfy((contactNo, contacts) -> assertThat(contacts).hasSize(1));
        assertThat(results).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo(Status.DONE);
            assertThat(result.outlookId()).isEqualTo(stored.get(result.contactNo()).get(0).getId());
        });
    }

    @Test
    void S12_withOneRequestInFiveFailingAndOneCreateInFiveStoredThenFailedNoContactIsDuplicatedOrMissing() {
        String mailbox = simulator.newMailbox();
        simulator.faults(mailbox, "{\"serverErrorRate\": 0.2, \"commitThenFailRate\": 0.2, \"retryAfterSeconds\": 0.05, \"seed\": 42}");
        Map<String, Result> done = new HashMap<>();
        List<Operation> pending = IntStream.range(0, 200)
                .mapToObj(i -> new Operation(Action.UPSERT, String.format("CT%06d", i), null, fields("Given" + i, "Faulty"))).toList();

        // As the orchestrator does: what failed retryably is sent again, in new commands
        for (int round = 0; round < 10 && !pending.isEmpty(); round++) {
            List<WriteOutlookContacts> commands = new ArrayList<>();
            for (int from = 0; from < pending.size(); from += 20) {
                commands.add(OutlookCommandsTest.command(mailbox, pending.subList(from, Math.min(from + 20, pending.size())).toArray(Operation[]::new)));
            }
            commands.forEach(gateway::send);
            List<Operation> again = new ArrayList<>();
            Map<String, Operation> byNo = new HashMap<>();
            pending.forEach(op -> byNo.put(op.contactNo(), op));
            gateway.awaitAnswers(commands.stream().map(WriteOutlookContacts::commandId).toList(), Duration.ofMinutes(2)).values()
                    .forEach(records -> EventJson.read(records.get(0).value(), OutlookContactsWritten.class).results().forEach(result -> {
                        if (result.status() == Status.DONE) {
                            done.put(result.contactNo(), result);
                        } else {
                            assertThat(result.retryable()).as(result.reason()).isTrue();
                            again.add(byNo.get(result.contactNo()));
                        }
                    }));
            pending = again;
        }

        simulator.control("DELETE", "/_simulator/faults/" + mailbox, null);
        assertThat(caused("CommitThenFail")).isPositive();
        assertThat(pending).isEmpty();
        Map<String, List<Contact>> stored = outlook.byContactNo(mailbox, FOLDER);
        assertThat(stored).hasSize(200).allSatisfy((contactNo, contacts) -> assertThat(contacts).as(contactNo).hasSize(1));
        assertThat(done).hasSize(200).allSatisfy((contactNo, result) ->
                assertThat(result.outlookId()).isEqualTo(stored.get(contactNo).get(0).getId()));
    }

    @Test
    void S12_aCommandKafkaDeliversAgainAfterACrashCreatesNothingTwice() {
        String mailbox = simulator.newMailbox();
        String folderId = outlook.createFolder(mailbox, FOLDER);
        // What the gateway that crashed before publishing its answer had already stored
        Contact stored = outlook.create(mailbox, folderId, OutlookView.tagged(fields("Ada", "Lovelace"), "CT000001", null));
        String topic = "outlook.commands.redelivered-" + UUID.randomUUID();
        WriteOutlookContacts command = OutlookCommandsTest.command(mailbox,
                new Operation(Action.UPSERT, "CT000001", null, fields("Ada", "King")),
                new Operation(Action.UPSERT, "CT000002", null, fields("Charles", "Babbage")));
        RunningGateway.sendBeforeStart(topic, command);

        List<Result> results;
        try (RunningGateway restarted = RunningGateway.start(Map.of("spring.cloud.stream.bindings.outlookCommands-in-0.group",
                "redelivery-" + UUID.randomUUID()), topic)) {
            results = restarted.awaitAnswer(command.commandId(), OutlookContactsWritten.class).results();
        }

        Map<String, List<Contact>> inFolder = outlook.byContactNo(mailbox, FOLDER);
        assertThat(inFolder).hasSize(2).allSatisfy((contactNo, contacts) -> assertThat(contacts).hasSize(1));
        assertThat(results).extracting(Result::contactNo, Result::status, Result::outlookId).containsExactly(
                tuple("CT000001", Status.DONE, stored.getId()),
                tuple("CT000002", Status.DONE, inFolder.get("CT000002").get(0).getId()));
        assertThat(inFolder.get("CT000001").get(0).getSurname()).as("made what the command says").isEqualTo("King");
    }

    private static List<Result> written(WriteOutlookContacts command) {
        gateway.send(command);
        return gateway.awaitAnswer(command.commandId(), OutlookContactsWritten.class).results();
    }

    /** How many requests the simulator failed on purpose for this cause so far. */
    private static long caused(String cause) {
        long count = 0;
        for (JsonNode row : simulator.stats().get("requests")) {
            if (row.has("cause") && cause.equals(row.get("cause").asString())) {
                count += row.get("count").asLong();
            }
        }
        return count;
    }
}

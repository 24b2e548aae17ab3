package com.contactsync.gateway.commands;

import static com.contactsync.gateway.OutlookView.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.CommandFailed;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph's per-mailbox limits, time-scaled: the simulator allows 500 requests per 10 minutes of Graph's time at 300
 * times Graph's speed (500 per 2 seconds, less than one mailbox's batches would send), and the gateway is configured
 * with the same budget.
 */
@RealInfrastructure
class LimitsTest {

    private static final String SCALED_LIMITS = "{\"requestsPerWindow\": 500, \"window\": \"PT10M\", \"timeScale\": 300}";

    private static final RunningSimulator simulator = RunningSimulator.get();
    private static final OutlookView outlook = new OutlookView();
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(Map.of(
                "contactsync.graph.limits.requests-per-window", 500,
                "contactsync.graph.limits.window", "2s"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** A mailbox with the time-scaled limits. */
    private static String limitedMailbox() {
        String mailbox = simulator.newMailbox();
        simulator.limits(mailbox, SCALED_LIMITS);
        return mailbox;
    }

    @Test
    void twoThousandContactsInOneMailboxLandExactlyOnceWithFewerThanOnePercentOfRequestsThrottled() {
        String mailbox = limitedMailbox();
        long requestsBefore = simulator.stats().get("total").asLong();
        long throttledBefore = throttled();

        List<WriteOutlookContacts> commands = IntStream.range(0, 20).mapToObj(c -> OutlookCommandsTest.command(mailbox, IntStream.range(0, 100)
                .mapToObj(i -> new Operation(Action.UPSERT, contactNo(c * 100 + i), null, fields("Given" + i, "Surname" + c)))
                .toArray(Operation[]::new))).toList();
        commands.forEach(gateway::send);

        Map<String, List<ConsumerRecord<String, byte[]>>> answers = gateway.awaitAnswers(
                commands.stream().map(WriteOutlookContacts::commandId).toList(), Duration.ofMinutes(3));
        List<Result> results = new ArrayList<>();
        answers.values().forEach(records -> results.addAll(EventJson.read(records.get(0).value(), OutlookContactsWritten.class).results()));
        long requests = simulator.stats().get("total").asLong() - requestsBefore;
        long throttled = throttled() - throttledBefore;

        assertThat(answers).hasSize(20).allSatisfy((id, records) -> assertThat(records).hasSize(1));
        assertThat(results).hasSize(2000).allSatisfy(result -> assertThat(result.status()).isEqualTo(Status.DONE));
        assertThat(outlook.byContactNo(mailbox, "Business Central")).hasSize(2000)
                .allSatisfy((contactNo, contacts) -> assertThat(contacts).as(contactNo).hasSize(1));
        // Whether the limiter had to wait depends on how fast this machine is; the outcome does not.
        assertThat(throttled).as("429s of %d requests", requests).isLessThan(requests / 100);
    }

    @Test
    void aMailboxGraphThrottlesHoldsUpNoOtherMailboxOfItsPartition() {
        String throttledMailbox = limitedMailbox();
        String otherMailbox = limitedMailbox();
        while (gateway.partitionOf(otherMailbox) != gateway.partitionOf(throttledMailbox)) {
            otherMailbox = limitedMailbox();
        }
        simulator.faults(throttledMailbox, "{\"throttleRate\": 1.0, \"retryAfterSeconds\": 0.5}");
        WriteOutlookContacts waiting = OutlookCommandsTest.command(throttledMailbox, new Operation(Action.UPSERT, "CT000001", null,
                fields("Patient", "Person")));
        gateway.send(waiting);
        String other = otherMailbox;
        List<String> others = IntStream.range(0, 5).mapToObj(i -> {
            WriteOutlookContacts command = OutlookCommandsTest.command(other, new Operation(Action.UPSERT, contactNo(i), null, fields("Quick" + i, "One")));
            gateway.send(command);
            return command.commandId();
        }).toList();

        List<ConsumerRecord<String, byte[]>> soFar = gateway.answersUntil(records -> others.stream()
                .allMatch(id -> records.stream().anyMatch(r -> RunningGateway.isTerminal(r, id))), RunningGateway.PATIENCE);

        assertThat(soFar).as("the throttled mailbox's command, sent first, is still waiting")
                .noneMatch(r -> waiting.commandId().equals(RunningGateway.commandId(r)));
        simulator.control("DELETE", "/_simulator/faults/" + throttledMailbox, null);
        assertThat(gateway.awaitAnswer(waiting.commandId(), OutlookContactsWritten.class).results())
                .extracting(Result::status).containsExactly(Status.DONE);
        assertThat(outlook.byContactNo(throttledMailbox, "Business Central")).containsOnlyKeys("CT000001");
    }

    @Test
    void stepsGraphThrottlesInsideABatchAreSentAgainAfterTheirRetryAfter() {
        String mailbox = limitedMailbox();
        simulator.faults(mailbox, "{\"throttleRate\": 0.3, \"retryAfterSeconds\": 0.2, \"seed\": 7}");
        long throttledStepsBefore = throttledSteps();

        List<Result> results = gateway.awaitAnswers(List.of(sent(OutlookCommandsTest.command(mailbox, IntStream.range(0, 40)
                        .mapToObj(i -> new Operation(Action.UPSERT, contactNo(i), null, fields("Given" + i, "Throttled"))).toArray(Operation[]::new)))),
                RunningGateway.PATIENCE).values().iterator().next().stream()
                .flatMap(r -> EventJson.read(r.value(), OutlookContactsWritten.class).results().stream()).toList();

        assertThat(throttledSteps() - throttledStepsBefore).isPositive();
        simulator.control("DELETE", "/_simulator/faults/" + mailbox, null);
        assertThat(results).hasSize(40).allSatisfy(result -> assertThat(result.status()).isEqualTo(Status.DONE));
        assertThat(outlook.byContactNo(mailbox, "Business Central")).hasSize(40)
                .allSatisfy((contactNo, contacts) -> assertThat(contacts).hasSize(1));
    }

    @Test
    void aMailboxThrottledLongerThanACommandMayWaitIsAnsweredRetryableWithTheTimeItCanGoOn() {
        String mailbox = limitedMailbox();
        gateway.awaitAnswer(sent(OutlookCommandsTest.command(mailbox, new Operation(Action.UPSERT, "CT000000", null, fields("Before", "It")))));
        String unknownFolder = limitedMailbox();
        simulator.faults(mailbox, "{\"throttleRate\": 1.0, \"retryAfterSeconds\": 300}");
        simulator.faults(unknownFolder, "{\"throttleRate\": 1.0, \"retryAfterSeconds\": 300}");
        Instant sent = Instant.now();

        OutlookContactsWritten written = gateway.awaitAnswer(sent(OutlookCommandsTest.command(mailbox,
                new Operation(Action.UPSERT, "CT000001", null, fields("Too", "Soon")),
                new Operation(Action.DELETE, "CT000002", "AAMkAGoneAAA=", null))), OutlookContactsWritten.class);
        CommandFailed failed = gateway.awaitAnswer(sent(OutlookCommandsTest.command(unknownFolder,
                new Operation(Action.UPSERT, "CT000001", null, fields("Too", "Soon")))), CommandFailed.class);

        simulator.control("DELETE", "/_simulator/faults/" + mailbox, null);
        simulator.control("DELETE", "/_simulator/faults/" + unknownFolder, null);
        assertThat(written.results()).hasSize(2).allSatisfy(result -> {
            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.retryable()).isTrue();
            assertThat(result.retryNotBefore()).isAfter(sent.plus(Duration.ofMinutes(4)));
        });
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.retryNotBefore()).isAfter(sent.plus(Duration.ofMinutes(4)));
        assertThat(outlook.byContactNo(mailbox, "Business Central")).containsOnlyKeys("CT000000");
    }

    @Test
    void aMailboxWithTooManyCommandsWaitingIsAnsweredAtOnceAsBusySoItCannotTakeEveryonesPlace() {
        String mailbox = limitedMailbox();
        simulator.faults(mailbox, "{\"throttleRate\": 1.0, \"retryAfterSeconds\": 0.5}");
        long throttledBefore = throttled();
        try (RunningGateway oneWaiting = RunningGateway.startAside(Map.of("contactsync.gateway.commands.max-queued-per-mailbox", 1))) {
            List<WriteOutlookContacts> commands = IntStream.range(0, 3).mapToObj(i -> OutlookCommandsTest.command(mailbox,
                    new Operation(Action.UPSERT, contactNo(i), null, fields("Given" + i, "Busy")))).toList();
            oneWaiting.send(commands.get(0));
            await().atMost(RunningGateway.PATIENCE).until(() -> throttled() > throttledBefore);
            oneWaiting.send(commands.get(1));
            oneWaiting.send(commands.get(2));

            List<Result> refused = oneWaiting.awaitAnswer(commands.get(2).commandId(), OutlookContactsWritten.class).results();
            simulator.control("DELETE", "/_simulator/faults/" + mailbox, null);
            Map<String, List<ConsumerRecord<String, byte[]>>> answers = oneWaiting.awaitAnswers(
                    commands.stream().map(WriteOutlookContacts::commandId).toList(), RunningGateway.PATIENCE);

            assertThat(refused).singleElement().satisfies(result -> {
                assertThat(result.status()).isEqualTo(Status.FAILED);
                assertThat(result.retryable()).isTrue();
                assertThat(result.reason()).contains("already has 1 commands waiting");
            });
            assertThat(List.of(commands.get(0), commands.get(1))).allSatisfy(command -> assertThat(EventJson.read(
                    answers.get(command.commandId()).get(0).value(), OutlookContactsWritten.class).results())
                    .extracting(Result::status).containsExactly(Status.DONE));
        }
        assertThat(outlook.byContactNo(mailbox, "Business Central")).containsOnlyKeys(contactNo(0), contactNo(1));
    }

    private static String sent(WriteOutlookContacts command) {
        gateway.send(command);
        return command.commandId();
    }

    private static String contactNo(int i) {
        return String.format("CT%06d", i);
    }

    /** 429s the simulator answered so far, top-level and inside batches. */
    private static long throttled() {
        return count(row -> row.get("status").asInt() == 429);
    }

    private static long throttledSteps() {
        return count(row -> row.get("status").asInt() == 429 && row.get("batch").asBoolean());
    }

    private static long count(Predicate<JsonNode> rows) {
        long count = 0;
        for (JsonNode row : simulator.stats().get("requests")) {
            if (rows.test(row)) {
                count += row.get("count").asLong();
            }
        }
        return count;
    }
}

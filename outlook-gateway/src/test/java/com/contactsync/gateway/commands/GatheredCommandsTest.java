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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Realtime's stream of one-contact write commands: those waiting for one mailbox share {@code $batch} requests, each
 * command still gets its own answer with its own results, and two writes of one contact keep their order.
 */
@RealInfrastructure
class GatheredCommandsTest {

    private static final String FOLDER = "Business Central";

    private static final RunningSimulator simulator = RunningSimulator.get();
    private static final OutlookView outlook = new OutlookView();

    @Test
    void commandsWaitingForOneMailboxShareBatchesEachAnsweredOnItsOwnAndOneContactsWritesInOrder() {
        String mailbox = simulator.newMailbox();
        String folderId = outlook.createFolder(mailbox, FOLDER);
        Contact grace = outlook.create(mailbox, folderId, OutlookView.tagged(fields("Grace", "Hopper"), "CT000700", null));
        String topic = "outlook.commands.gathered-" + UUID.randomUUID();
        // One command per BC change, as realtime sends them, all waiting before the gateway starts
        List<WriteOutlookContacts> commands = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            commands.add(OutlookCommandsTest.command(mailbox,
                    new Operation(Action.UPSERT, "CT%06d".formatted(700 + i), null, fields("Given" + i, "Surname" + i))));
            if (i == 5 || i == 6) {
                commands.add(OutlookCommandsTest.command(mailbox,
                        new Operation(Action.UPSERT, "CT000700", grace.getId(), fields("Grace", "Hopper " + i))));
            }
        }
        commands.forEach(command -> RunningGateway.sendBeforeStart(topic, command));
        long batchesBefore = simulator.requests("POST", "/v1.0/$batch", 200, false);

        Map<String, List<ConsumerRecord<String, byte[]>>> answers;
        try (RunningGateway gateway = RunningGateway.start(Map.of("spring.cloud.stream.bindings.outlookCommands-in-0.group",
                "gathered-" + UUID.randomUUID()), topic)) {
            answers = gateway.awaitAnswers(commands.stream().map(WriteOutlookContacts::commandId).toList(), RunningGateway.PATIENCE);
        }

        for (WriteOutlookContacts command : commands) {
            assertThat(answers.get(command.commandId())).singleElement().satisfies(record -> {
                OutlookContactsWritten written = EventJson.read(record.value(), OutlookContactsWritten.class);
                assertThat(written.runId()).isEqualTo(command.runId());
                assertThat(written.folderId()).isEqualTo(folderId);
                assertThat(written.results()).extracting(Result::contactNo, Result::status)
                        .containsExactly(tuple(command.operations().get(0).contactNo(), Status.DONE));
            });
        }
        Map<String, List<Contact>> inFolder = outlook.byContactNo(mailbox, FOLDER);
        assertThat(inFolder).hasSize(31).allSatisfy((contactNo, contacts) -> assertThat(contacts).as(contactNo).hasSize(1));
        assertThat(inFolder.get("CT000700").get(0).getSurname()).isEqualTo("Hopper 6");
        assertThat(simulator.requests("POST", "/v1.0/$batch", 200, false) - batchesBefore).isLessThan(commands.size() / 2);
    }
}

package com.contactsync.gateway.commands;

import static com.contactsync.gateway.OutlookView.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contracts.events.ReadOutlookChanges;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.contracts.events.WriteOutlookContacts.Action;
import com.contactsync.contracts.events.WriteOutlookContacts.Operation;
import java.util.ArrayDeque;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommandGroupsTest {

    private static final String MAILBOX = "anna@example.com";

    @Test
    void writeCommandsWaitingOneAfterTheOtherGoTogetherUpToOneBatch() {
        ArrayDeque<QueuedCommand> lane = new ArrayDeque<>();
        IntStream.range(0, 25).forEach(i -> lane.add(write("Business Central", false, create("CT%06d".formatted(i)))));

        List<QueuedCommand> first = CommandGroups.take(lane, 20);

        assertThat(first).hasSize(20);
        assertThat(CommandGroups.take(lane, 20)).hasSize(5);
        assertThat(lane).isEmpty();
    }

    @Test
    void aSecondWriteOfOneContactWaitsForTheNextBatchSoItsWritesStayInOrder() {
        ArrayDeque<QueuedCommand> lane = new ArrayDeque<>(List.of(
                write("Business Central", false, create("CT000001")),
                write("Business Central", false, create("CT000002")),
                write("Business Central", false, new Operation(Action.UPSERT, "CT000001", "AAk1", fields("Ada", "King"))),
                write("Business Central", false, create("CT000003"))));

        assertThat(CommandGroups.take(lane, 20)).hasSize(2);
        assertThat(CommandGroups.take(lane, 20)).hasSize(2);
    }

    @Test
    void aCommandForAnotherFolderAReadOrAnotherDeliveryKindIsNotGathered() {
        ArrayDeque<QueuedCommand> lane = new ArrayDeque<>(List.of(
                write("Business Central", false, create("CT000001")),
                write("BC contacts", false, create("CT000002")),
                write("BC contacts", true, create("CT000003")),
                read(),
                write("BC contacts", true, create("CT000004"))));

        assertThat(CommandGroups.take(lane, 20)).hasSize(1);
        assertThat(CommandGroups.take(lane, 20)).hasSize(1);
        assertThat(CommandGroups.take(lane, 20)).hasSize(1);
        assertThat(CommandGroups.take(lane, 20)).singleElement()
                .satisfies(q -> assertThat(q.command().data()).isInstanceOf(ReadOutlookChanges.class));
        assertThat(CommandGroups.take(lane, 20)).hasSize(1);
    }

    @Test
    void aCommandThatWouldPassTheLimitWaitsButOneLargerThanItRunsAlone() {
        Operation[] hundred = IntStream.range(100, 200).mapToObj(i -> create("CT%06d".formatted(i))).toArray(Operation[]::new);
        ArrayDeque<QueuedCommand> lane = new ArrayDeque<>(List.of(
                write("Business Central", false, create("CT000001")),
                write("Business Central", false, hundred),
                write("Business Central", false, create("CT000002"))));

        assertThat(CommandGroups.take(lane, 20)).hasSize(1);
        assertThat(CommandGroups.take(lane, 20)).singleElement()
                .satisfies(q -> assertThat(((WriteOutlookContacts) q.command().data()).operations()).hasSize(100));
        assertThat(CommandGroups.take(lane, 20)).hasSize(1);
    }

    private static Operation create(String contactNo) {
        return new Operation(Action.UPSERT, contactNo, null, fields("Given", contactNo));
    }

    private static QueuedCommand write(String folderName, boolean possiblyRedelivered, Operation... operations) {
        WriteOutlookContacts command = new WriteOutlookContacts(UUID.randomUUID().toString(), "anna", MAILBOX, folderName, null,
                null, List.of(operations));
        return new QueuedCommand(new CommandRunner.Command(UUID.randomUUID().toString(), MAILBOX, command), possiblyRedelivered,
                () -> { });
    }

    private static QueuedCommand read() {
        ReadOutlookChanges command = new ReadOutlookChanges(UUID.randomUUID().toString(), "anna", MAILBOX, "BC contacts", null,
                null, null);
        return new QueuedCommand(new CommandRunner.Command(UUID.randomUUID().toString(), MAILBOX, command), true, () -> { });
    }
}

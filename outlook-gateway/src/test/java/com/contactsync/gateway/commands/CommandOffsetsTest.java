package com.contactsync.gateway.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.Acknowledgment;

/** Offsets commit in partition order although mailboxes answer in any order. */
class CommandOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition(Topics.OUTLOOK_COMMANDS, 0);
    private static final TopicPartition P1 = new TopicPartition(Topics.OUTLOOK_COMMANDS, 1);

    private final List<String> acknowledged = new CopyOnWriteArrayList<>();

    private static CommandOffsets offsets(int maxInFlight) {
        return new CommandOffsets(new GatewayProperties(new GatewayProperties.Commands(4, maxInFlight, 100, Duration.ofMinutes(1),
                Duration.ofSeconds(1), 20), new GatewayProperties.Read(200, 500, 100)));
    }

    private Acknowledgment ack(int partition, long offset) {
        return () -> acknowledged.add(partition + ":" + offset);
    }

    @Test
    void anAnswerCommitsOnlyWhenEveryEarlierCommandOfItsPartitionIsAnsweredToo() throws Exception {
        CommandOffsets offsets = offsets(10);
        CommandOffsets.Ticket first = offsets.track(0, 0, ack(0, 0));
        CommandOffsets.Ticket second = offsets.track(0, 1, ack(0, 1));
        CommandOffsets.Ticket third = offsets.track(0, 2, ack(0, 2));
        CommandOffsets.Ticket otherPartition = offsets.track(1, 7, ack(1, 7));

        third.answered();
        otherPartition.answered();
        assertThat(acknowledged).containsExactly("1:7");
        first.answered();
        assertThat(acknowledged).containsExactly("1:7", "0:0");
        second.answered();
        assertThat(acknowledged).containsExactly("1:7", "0:0", "0:2");
    }

    @Test
    void afterAPartitionIsRevokedItsAnswersCommitNothing() throws Exception {
        CommandOffsets offsets = offsets(10);
        CommandOffsets.Ticket ticket = offsets.track(0, 0, ack(0, 0));

        offsets.onPartitionsRevokedBeforeCommit("outlookCommands-in-0", null, List.of(P0));
        ticket.answered();

        assertThat(acknowledged).isEmpty();
    }

    @Test
    void theConsumerWaitsWhileMaxInFlightCommandsAreUnderWay() throws Exception {
        CommandOffsets offsets = offsets(2);
        CommandOffsets.Ticket first = offsets.track(0, 0, ack(0, 0));
        offsets.track(0, 1, ack(0, 1));

        CompletableFuture<CommandOffsets.Ticket> third = CompletableFuture.supplyAsync(() -> {
            try {
                return offsets.track(1, 0, ack(1, 0));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !third.isDone());
        first.answered();

        await().atMost(Duration.ofSeconds(5)).until(third::isDone);
    }

    @Test
    void aRefusedRecordWaitsUntilEverythingBeforeItInItsPartitionIsAnswered() throws Exception {
        CommandOffsets offsets = offsets(10);
        CommandOffsets.Ticket earlier = offsets.track(0, 4, ack(0, 4));
        CompletableFuture<Void> refusal = CompletableFuture.runAsync(() -> {
            try {
                offsets.awaitAnsweredBefore(0, 5);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !refusal.isDone());

        earlier.answered();

        await().atMost(Duration.ofSeconds(5)).until(refusal::isDone);
    }

    @Test
    void onlyCommandsThatWereInThePartitionBeyondItsCommittedOffsetWhenItCameMayHaveBeenCarriedOutBefore() {
        CommandOffsets offsets = offsets(10);
        MockConsumer<String, byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.updateEndOffsets(Map.of(P0, 40L, P1, 5_000L));
        consumer.seek(P0, 30);
        consumer.seek(P1, 1_000);

        offsets.onPartitionsAssigned("outlookCommands-in-0", consumer, List.of(P0, P1), true);

        assertThat(offsets.possiblyRedelivered(0, 29)).as("committed before").isFalse();
        assertThat(offsets.possiblyRedelivered(0, 30)).isTrue();
        assertThat(offsets.possiblyRedelivered(0, 39)).isTrue();
        assertThat(offsets.possiblyRedelivered(0, 40)).as("written after the partition came").isFalse();
        assertThat(offsets.possiblyRedelivered(1, 1_000 + 10 + 499)).isTrue();
        assertThat(offsets.possiblyRedelivered(1, 1_000 + 10 + 500)).as("beyond what the previous owner can have taken").isFalse();
    }
}

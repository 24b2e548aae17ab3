package com.contactsync.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the system has nothing left to do: the orchestrator's and the gateway's consumer groups have read
 * everything on the topics they consume. "Nothing happened" (no Graph write after a no-op change) can only be
 * measured after that.
 */
final class Consumers implements AutoCloseable {

    private static final List<String> GROUPS = List.of("sync-orchestrator", "outlook-gateway");
    private static final Duration POLL = Duration.ofMillis(250);
    /** The outboxes publish a moment after their transaction: idle must hold for a while. */
    private static final int IDLE_POLLS = 6;

    private final Admin admin;

    Consumers(String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    void awaitIdle(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int idle = 0;
        try {
            while (idle < IDLE_POLLS) {
                idle = lag() == 0 ? idle + 1 : 0;
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the consumers did not catch up within " + timeout);
                }
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Records published and not yet committed by the groups, over every partition they have committed on. */
    private long lag() throws ExecutionException, InterruptedException {
        long lag = 0;
        for (String group : GROUPS) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet()
                    .stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                lag += ends.get(e.getKey()).offset() - (e.getValue() == null ? 0 : e.getValue().offset());
            }
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}

package com.contactsync.gateway.commands;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Commits a command's offset only once it and every command before it in its partition are answered, although
 * commands of different mailboxes finish in any order (Kafka keeps one committed offset per partition). Also bounds
 * the commands under way, and says which commands another gateway may have carried out already.
 */
@Component
class CommandOffsets implements KafkaBindingRebalanceListener {

    /** Kafka's default {@code max.poll.records}; the gateway's configuration stays at or below it. */
    private static final int MAX_POLL_RECORDS = 500;

    private final int maxInFlight;
    private final Map<Integer, Partition> partitions = new HashMap<>();
    private int inFlight;

    CommandOffsets(GatewayProperties properties) {
        this.maxInFlight = properties.commands().maxInFlight();
    }

    /** One partition's commands under way, by offset, from one assignment of it. */
    private static final class Partition {
        final TreeMap<Long, Entry> pending = new TreeMap<>();
        /** Offsets from here to {@code redeliveredBelow} may have been carried out by the partition's previous owner. */
        long committed;
        long redeliveredBelow;
    }

    private static final class Entry {
        final Acknowledgment acknowledgment;
        boolean answered;

        Entry(Acknowledgment acknowledgment) {
            this.acknowledgment = acknowledgment;
        }
    }

    /** A command under way; {@link #answered()} once its answer is published. */
    interface Ticket {
        void answered();
    }

    /** On the consumer thread: waits while {@code max-in-flight} commands are under way, then tracks this one. */
    synchronized Ticket track(int partition, long offset, Acknowledgment acknowledgment) throws InterruptedException {
        while (inFlight >= maxInFlight) {
            wait();
        }
        Partition owner = partitions.computeIfAbsent(partition, p -> new Partition());
        owner.pending.put(offset, new Entry(acknowledgment));
        inFlight++;
        return () -> answered(partition, owner, offset);
    }

    private synchronized void answered(int partition, Partition owner, long offset) {
        Entry entry = owner.pending.get(offset);
        if (entry == null) {
            return;
        }
        entry.answered = true;
        Acknowledgment upTo = null;
        while (!owner.pending.isEmpty() && owner.pending.firstEntry().getValue().answered) {
            upTo = owner.pending.pollFirstEntry().getValue().acknowledgment;
            inFlight--;
        }
        // Acknowledging a record commits everything before it; after a rebalance the partition is someone else's
        if (upTo != null && partitions.get(partition) == owner) {
            upTo.acknowledge();
        }
        notifyAll();
    }

    /**
     * On the consumer thread, before a record is dead-lettered: committing it commits everything before it, so that
     * must be answered first.
     */
    synchronized void awaitAnsweredBefore(int partition, long offset) throws InterruptedException {
        Partition owner = partitions.get(partition);
        while (owner != null && !owner.pending.isEmpty() && owner.pending.firstKey() < offset && partitions.get(partition) == owner) {
            wait();
        }
    }

    /**
     * Whether the partition's previous owner may have carried this command out and died before its offset was
     * committed: it is at most {@code max-in-flight} plus one poll beyond the committed offset the partition came
     * with, and was in the partition when it came. Such a command's creates are looked up first (S12).
     */
    synchronized boolean possiblyRedelivered(int partition, long offset) {
        Partition owner = partitions.get(partition);
        return owner != null && offset >= owner.committed && offset < owner.redeliveredBelow;
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> assigned, boolean initial) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        for (TopicPartition topicPartition : assigned) {
            long committed = consumer.position(topicPartition);
            Partition fresh = new Partition();
            fresh.committed = committed;
            fresh.redeliveredBelow = Math.min(ends.getOrDefault(topicPartition, committed), committed + maxInFlight + MAX_POLL_RECORDS);
            replace(topicPartition.partition(), fresh);
        }
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
        revoked.forEach(topicPartition -> replace(topicPartition.partition(), null));
    }

    /** Commands of an earlier assignment still finish and are answered, but no longer commit anything. */
    private synchronized void replace(int partition, Partition fresh) {
        Partition old = fresh == null ? partitions.remove(partition) : partitions.put(partition, fresh);
        if (old != null) {
            inFlight -= old.pending.size();
            notifyAll();
        }
    }
}

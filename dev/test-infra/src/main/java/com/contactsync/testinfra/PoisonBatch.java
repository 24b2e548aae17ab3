package com.contactsync.testinfra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One round of fuzzing a Kafka intake: damaged copies of a valid record ({@link PoisonRecords}), then a fence that
 * is always dead-lettered, then a valid sentinel, all with the template's key, so on one partition and in that
 * order. Once the sentinel is applied, the consumer has got past every damaged record; once the fence's dead letter is
 * read, so is every dead letter before it, since dead letters keep their key and so their order.
 */
public final class PoisonBatch {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String id;
    private final List<ProducerRecord<String, byte[]>> poisons = new ArrayList<>();
    private final List<PoisonRecords.Damage> damages;
    private final ProducerRecord<String, byte[]> fence;

    /**
     * @param id       unique among the batches a dead-letter topic sees
     * @param template a valid record; the damaged ones and the fence are copies of it
     */
    public PoisonBatch(String id, ProducerRecord<String, byte[]> template, List<PoisonRecords.Damage> damages) {
        this.id = id;
        this.damages = List.copyOf(damages);
        for (int i = 0; i < damages.size(); i++) {
            poisons.add(PoisonRecords.damage(template, damages.get(i), fuzzId(i)));
        }
        fence = PoisonRecords.damage(template, new PoisonRecords.Damage(PoisonRecords.Kind.NO_HEADERS, 0, 0),
                id + "-fence");
    }

    /** What to send, in this order: the damaged records, the fence, the sentinel. */
    public List<ProducerRecord<String, byte[]>> records(ProducerRecord<String, byte[]> sentinel) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(poisons);
        records.add(fence);
        records.add(sentinel);
        return records;
    }

    /**
     * Call once the sentinel is applied. Reads the dead letters up to the fence and checks that every record that
     * breaks the contract is among them, each with {@code x-error-reason} and {@code x-error-class}.
     *
     * @return the damage of each record that was not dead-lettered: still valid, and so taken as any valid record
     * @throws AssertionError naming the first record that is missing from the dead letters or lacks a reason
     */
    public List<PoisonRecords.Damage> awaitDeadLetters(TopicReader deadLetters) {
        String fenceId = id + "-fence";
        Map<String, ConsumerRecord<String, byte[]>> dead = deadLetters.awaitRecords(all -> all.stream()
                        .anyMatch(r -> fenceId.equals(TopicReader.header(r, PoisonRecords.FUZZ_ID))), PATIENCE)
                .stream().filter(r -> {
                    String fuzzId = TopicReader.header(r, PoisonRecords.FUZZ_ID);
                    return fuzzId != null && fuzzId.startsWith(id + "-");
                })
                .collect(Collectors.toMap(r -> TopicReader.header(r, PoisonRecords.FUZZ_ID), Function.identity(),
                        (first, again) -> first));
        List<PoisonRecords.Damage> taken = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (int i = 0; i < damages.size(); i++) {
            PoisonRecords.Damage damage = damages.get(i);
            ConsumerRecord<String, byte[]> letter = dead.get(fuzzId(i));
            if (letter == null) {
                if (damage.kind().breaksTheContract()) {
                    missing.add(damage.toString());
                }
                taken.add(damage);
            } else {
                requireHeader(letter, "x-error-reason", damage);
                requireHeader(letter, "x-error-class", damage);
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("not dead-lettered though they break the contract: " + missing);
        }
        return taken;
    }

    private static void requireHeader(ConsumerRecord<String, byte[]> letter, String name,
                                      PoisonRecords.Damage damage) {
        String value = TopicReader.header(letter, name);
        if (value == null || value.isBlank()) {
            throw new AssertionError("dead letter of " + damage + " has no " + name);
        }
    }

    private String fuzzId(int index) {
        return id + "-" + index;
    }
}

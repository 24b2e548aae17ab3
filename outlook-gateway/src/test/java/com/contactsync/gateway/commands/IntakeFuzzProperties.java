package com.contactsync.gateway.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.ReadOutlookChanges;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.contracts.events.WriteOutlookContacts.Action;
import com.contactsync.contracts.events.WriteOutlookContacts.Operation;
import com.contactsync.gateway.OutlookView;
import com.contactsync.gateway.RunningGateway;
import com.contactsync.graphsim.RunningSimulator;
import com.contactsync.kit.messaging.CloudEventPublisher;
import com.contactsync.testinfra.PoisonBatch;
import com.contactsync.testinfra.PoisonRecords;
import com.contactsync.testinfra.TopicReader;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Fuzzing the gateway's intake on {@code outlook.commands.v1} against the real broker and the simulator: each
 * damaged write command (headers missing, wrong, duplicated or binary; random bytes; cut, mutated or
 * schema-breaking JSON; huge strings) ends in the dead-letter topic with a reason, or is carried out if it is still
 * valid; the valid command after it is answered, so the partition never stalls; and a dead-lettered command writes
 * nothing to Outlook. The command topic is the test's own. jqwik does not run JUnit extensions, so the gateway is
 * started here.
 */
class IntakeFuzzProperties {

    private static final String FETCH_WAIT = "spring.cloud.stream.kafka.binder.consumer-properties.fetch.max.wait.ms";
    private static final String FOLDER = "Fuzz";
    private static final AtomicInteger BATCHES = new AtomicInteger();
    private static final OutlookView outlook = new OutlookView();
    private static String topic;
    private static RunningGateway gateway;
    private static KafkaProducer<String, byte[]> producer;
    private static TopicReader deadLetters;

    @BeforeContainer
    static void start() {
        topic = Topics.OUTLOOK_COMMANDS + ".fuzz-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong(), 10);
        // After each dead letter the error handler seeks back, and the fetch in flight waits Kafka's default 500 ms
        // for records that never come: a cost per damaged command that would make up most of this test's time.
        gateway = RunningGateway.start(Map.of(FETCH_WAIT, 20), topic);
        producer = RunningGateway.producer();
        deadLetters = TopicReader.fromBeginning(Topics.dlq(topic));
    }

    @AfterContainer
    static void stop() {
        deadLetters.close();
        producer.close();
        gateway.close();
    }

    @Property(tries = 30)
    void damagedCommandsAreDeadLetteredAndTheNextCommandIsAnswered(
            @ForAll("damages") List<PoisonRecords.Damage> damages) {
        int batch = BATCHES.incrementAndGet();
        String mailbox = RunningSimulator.get().newMailbox();
        WriteOutlookContacts write = new WriteOutlookContacts(UUID.randomUUID().toString(), "user-fuzz", mailbox,
                FOLDER, null, "run-fuzz", List.of(new Operation(Action.UPSERT, String.format("CT%06d", batch), null,
                OutlookView.fields("Ada", "Fuzz"))));
        ReadOutlookChanges sentinel = new ReadOutlookChanges(UUID.randomUUID().toString(), "user-fuzz", mailbox,
                "Sentinel", null, null);
        PoisonBatch poisons = new PoisonBatch("commands-" + batch,
                record(EventTypes.OUTLOOK_WRITE_CONTACTS, mailbox, write), damages);

        send(poisons.records(record(EventTypes.OUTLOOK_READ_CHANGES, mailbox, sentinel)));

        gateway.awaitAnswer(sentinel.commandId());
        List<PoisonRecords.Damage> taken = poisons.awaitDeadLetters(deadLetters);
        Statistics.label("damaged commands carried out as valid").collect(taken.size());
        if (taken.isEmpty()) {
            assertThat(outlook.folderId(mailbox, FOLDER)).as("no dead-lettered command wrote to Outlook").isEmpty();
        }
    }

    @Provide
    Arbitrary<List<PoisonRecords.Damage>> damages() {
        return Combinators.combine(Arbitraries.of(PoisonRecords.Kind.values()),
                        Arbitraries.integers().between(0, 100_000), Arbitraries.integers().between(0, 100_000))
                .as(PoisonRecords.Damage::new).list().ofMinSize(1).ofMaxSize(8);
    }

    private static ProducerRecord<String, byte[]> record(String type, String mailbox, Object command) {
        return CloudEventPublisher.record(topic, CloudEvents.create("/test/fuzz", type, mailbox,
                EventJson.write(command)));
    }

    /** Sent one after another by one producer, so they stay in order on their partition. */
    private static void send(List<ProducerRecord<String, byte[]>> records) {
        records.stream().map(producer::send).toList().forEach(sent -> {
            try {
                sent.get();
            } catch (Exception e) {
                throw new IllegalStateException("could not send a record", e);
            }
        });
    }
}

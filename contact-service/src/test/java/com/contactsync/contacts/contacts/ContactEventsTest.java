package com.contactsync.contacts.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.contacts.RunningContactService;
import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.cloudevents.CloudEventHeaders;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.ContactDeleted;
import com.contactsync.contracts.events.ContactFields;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.kit.outbox.OutboxRelay;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The transactional outbox of contact-service on a real PostgreSQL and Kafka: nothing lost when the relay stops or the
 * service goes away between commit and publish, order kept per contact, and the compacted topic enough to rebuild
 * every contact.
 */
@RealInfrastructure
class ContactEventsTest {

    private static final Pattern BACKLOG = Pattern.compile("(?m)^contactsync_outbox_backlog\\{[^}]*} (\\S+)$");

    @RegisterExtension
    static final RunningContactService service = RunningContactService.perTestClass();



    @Test
    void relayStoppedMidStreamOfAThousandWritesDeliversEveryEventAfterwardsInOrderPerContact() throws Exception {
        ContactService contacts = service.bean(ContactService.class);
        OutboxRelay relay = service.bean(OutboxRelay.class);
        List<String> numbers = IntStream.range(0, 40).mapToObj(i -> String.format("RELAY%02d", i)).toList();
        AtomicInteger writes = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            done.add(writers.submit(() -> {
                for (int n = writes.incrementAndGet(); n <= 1_000; n = writes.incrementAndGet()) {
                    // Writers race for the same contacts: the row lock decides their order, and so the events'.
                    String no = numbers.get(ThreadLocalRandom.current().nextInt(numbers.size()));
                    contacts.put(no, fields(no, "write " + n), ExpectedVersion.ANY);
                    if (n == 300) {
                        relay.stop();
                    }
                }
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        writers.shutdown();
        assertThat(backlog()).as("events held back while the relay is away").isPositive();

        relay.start();

        Map<String, Long> finalVersions = service.jdbc()
                .sql("SELECT no, version FROM contact WHERE no LIKE 'RELAY%'")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(finalVersions.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000);
        Map<String, List<Long>> received = versionsByContact(records -> {
            Map<String, List<Long>> seen = versions(records);
            return finalVersions.entrySet().stream().allMatch(e ->
                    seen.getOrDefault(e.getKey(), List.of()).contains(e.getValue()));
        });
        finalVersions.forEach((no, last) -> {
            // At least once: a round cut short by the stop may come again, but each version first arrives in order.
            assertThat(received.get(no).stream().distinct().toList()).as(no)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog() == 0);
    }

    @Test
    void eventsCommittedJustBeforeTheServiceWentAwayArePublishedByTheNextInstance() {
        RunningContactService first = RunningContactService.start();
        first.bean(OutboxRelay.class).stop();
        ContactService contacts = first.bean(ContactService.class);
        for (int i = 0; i < 100; i++) {
            contacts.put("GONE" + (i % 10), fields("GONE" + (i % 10), "write " + i), ExpectedVersion.ANY);
        }
        first.close();

        try (RunningContactService next = first.restart();
             TopicReader reader = TopicReader.fromBeginning(next.eventsTopic())) {
            List<ConsumerRecord<String, byte[]>> records = reader.awaitRecords(
                    all -> all.stream().map(r -> TopicReader.header(r, CloudEventHeaders.ID)).distinct().count() == 100,
                    Duration.ofSeconds(60));
            versions(records).values().forEach(versions ->
                    assertThat(versions.stream().distinct().toList()).containsExactly(
                            LongStream.rangeClosed(1, 10).boxed().toArray(Long[]::new)));
        }
    }

    @Test
    void aFreshConsumerRebuildsEveryContactFromTheEventsTopic() {
        ContactService contacts = service.bean(ContactService.class);
        contacts.put("REB-CO1", company("Rebuild Company"), ExpectedVersion.ANY);
        for (int i = 0; i < 20; i++) {
            contacts.put("REB-P" + i, person("Person " + i, i % 2 == 0 ? "REB-CO1" : null), ExpectedVersion.ANY);
        }
        contacts.put("REB-CO1", company("Rebuild Company, renamed"), ExpectedVersion.ANY);
        for (int i = 0; i < 20; i += 3) {
            contacts.delete("REB-P" + i, ExpectedVersion.ANY);
        }
        contacts.put("REB-P0", person("Person 0, again", null), ExpectedVersion.ANY);
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog() == 0);
        Map<String, ContactSnapshot> stored = service.jdbc().sql("SELECT no FROM contact").query(String.class).list()
                .stream().collect(Collectors.toMap(no -> no, no -> contacts.find(no).orElseThrow()));

        try (TopicReader reader = TopicReader.fromBeginning(service.eventsTopic())) {
            reader.awaitRecords(records -> rebuild(records).equals(stored), Duration.ofSeconds(60));
        }
    }

    @Test
    void eventsTopicIsCompactedSoTheLatestEventOfEveryContactStays() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.get().kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, service.eventsTopic());
            String policy = admin.describeConfigs(List.of(topic)).all().get().get(topic)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();

            assertThat(policy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    /** What a new consumer knows after reading the topic: the highest version of each contact, deletions applied. */
    private static Map<String, ContactSnapshot> rebuild(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, Long> versions = new HashMap<>();
        Map<String, ContactSnapshot> contacts = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (EventTypes.CONTACT_DELETED.equals(TopicReader.header(record, CloudEventHeaders.TYPE))) {
                ContactDeleted deleted = EventJson.read(record.value(), ContactDeleted.class);
                if (deleted.version() >= versions.getOrDefault(deleted.no(), 0L)) {
                    versions.put(deleted.no(), deleted.version());
                    contacts.remove(deleted.no());
                }
            } else {
                ContactSnapshot contact = EventJson.read(record.value(), ContactSnapshot.class);
                if (contact.version() > versions.getOrDefault(contact.no(), 0L)) {
                    versions.put(contact.no(), contact.version());
                    contacts.put(contact.no(), contact);
                }
            }
        }
        return contacts;
    }

    private static Map<String, List<Long>> versionsByContact(
            java.util.function.Predicate<List<ConsumerRecord<String, byte[]>>> complete) {
        try (TopicReader reader = TopicReader.fromBeginning(service.eventsTopic())) {
            return versions(reader.awaitRecords(complete, Duration.ofSeconds(120)));
        }
    }

    /** The versions of each contact's upserted events, in the order its partition holds them. */
    private static Map<String, List<Long>> versions(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (EventTypes.CONTACT_UPSERTED.equals(TopicReader.header(record, CloudEventHeaders.TYPE))) {
                versions.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(EventJson.read(record.value(), ContactSnapshot.class).version());
            }
        }
        return versions;
    }

    private static double backlog() {
        Matcher matcher = BACKLOG.matcher(service.prometheus());
        assertThat(matcher.find()).as("contactsync_outbox_backlog is scraped").isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static ContactFields fields(String no, String jobTitle) {
        return new ContactFields(no, ContactType.PERSON, "Relay " + no, null, null, null, null, null, null,
                jobTitle, null, null, null, null, null, null, null, null, null, null, null, null, null, null, false);
    }

    private static ContactFields company(String name) {
        return new ContactFields(null, ContactType.COMPANY, name, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, "Dresden", null, null, "DE", null, null, null, false);
    }

    private static ContactFields person(String name, String companyNo) {
        return new ContactFields(null, ContactType.PERSON, name, null, null, null, null, companyNo, null, null,
                Optional.ofNullable(companyNo).map(c -> "staff@example.com").orElse(null), null, null, null, null,
                null, null, null, null, null, null, null, null, null, false);
    }
}

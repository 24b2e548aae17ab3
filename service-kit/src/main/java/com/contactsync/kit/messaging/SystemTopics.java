package com.contactsync.kit.messaging;

import com.contactsync.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Every topic of the system and its dead-letter twin, declared alike by every service. Whichever service starts
 * first creates them all with the right partitions and settings; otherwise a consumer's binding would create the
 * topic it reads with one partition, and the producer's later, larger declaration would be ignored.
 */
final class SystemTopics {

    private SystemTopics() {
    }

    static List<NewTopic> all(TopicsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            TopicBuilder builder = TopicBuilder.name(topic)
                    .partitions(properties.partitions())
                    .replicas(properties.replicationFactor());
            if (Topics.BC_CONTACT_EVENTS.equals(topic)) {
                // Compacted: the latest event per contact stays, so a new consumer can rebuild every contact.
                builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            topics.add(builder.build());
            // As many partitions as the topic: Spring Cloud Stream expects that of a binding's dead-letter topic.
            topics.add(TopicBuilder.name(Topics.dlq(topic)).partitions(properties.partitions())
                    .replicas(properties.replicationFactor()).build());
        }
        return topics;
    }
}

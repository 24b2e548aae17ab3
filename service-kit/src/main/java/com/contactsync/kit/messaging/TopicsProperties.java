package com.contactsync.kit.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param create whether the service creates the system's topics at start-up when missing (off where the platform
 *               creates them, e.g. Strimzi KafkaTopics)
 * @param partitions partitions of a topic it creates
 * @param replicationFactor replicas of a topic it creates; -1 takes the broker's default
 */
@Validated
@ConfigurationProperties("contactsync.kafka.topics")
public record TopicsProperties(
        @DefaultValue("true") boolean create,
        @DefaultValue("6") @Min(1) @Max(1000) int partitions,
        @DefaultValue("-1") short replicationFactor) {
}

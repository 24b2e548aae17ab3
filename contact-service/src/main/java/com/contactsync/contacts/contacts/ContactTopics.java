package com.contactsync.contacts.contacts;

import com.contactsync.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics contact-service owns; created at start-up when missing. */
@Configuration(proxyBeanMethods = false)
class ContactTopics {

    @Bean
    NewTopic contactEventsTopic(ContactsProperties properties) {
        // Compacted: the latest event per contact stays forever, so a new consumer can rebuild every contact.
        return TopicBuilder.name(properties.eventsTopic())
                .partitions(6)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }

    @Bean
    NewTopic contactRequestsTopic(ContactsProperties properties) {
        return TopicBuilder.name(properties.requestsTopic()).partitions(6).build();
    }

    @Bean
    NewTopic contactRequestsDeadLetterTopic(ContactsProperties properties) {
        return TopicBuilder.name(Topics.dlq(properties.requestsTopic())).partitions(1).build();
    }
}

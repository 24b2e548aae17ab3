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
    NewTopic contactEvents() {
        // Compacted: the latest event per contact stays forever, so a new consumer can rebuild every contact.
        return TopicBuilder.name(Topics.BC_CONTACT_EVENTS)
                .partitions(6)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build();
    }

    @Bean
    NewTopic contactRequests() {
        return TopicBuilder.name(Topics.BC_CONTACT_REQUESTS).partitions(6).build();
    }

    @Bean
    NewTopic contactRequestsDeadLetters() {
        return TopicBuilder.name(Topics.dlq(Topics.BC_CONTACT_REQUESTS)).partitions(1).build();
    }
}

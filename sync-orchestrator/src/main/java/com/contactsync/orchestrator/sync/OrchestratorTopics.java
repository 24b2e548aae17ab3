package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic the orchestrator writes to the gateway; created at start-up when missing. */
@Configuration(proxyBeanMethods = false)
class OrchestratorTopics {

    @Bean
    NewTopic outlookCommandsTopic() {
        return TopicBuilder.name(Topics.OUTLOOK_COMMANDS).partitions(6).build();
    }
}

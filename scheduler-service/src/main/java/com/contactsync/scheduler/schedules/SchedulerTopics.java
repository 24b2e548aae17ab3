package com.contactsync.scheduler.schedules;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic the scheduler writes; created at start-up when missing. */
@Configuration(proxyBeanMethods = false)
class SchedulerTopics {

    @Bean
    NewTopic syncTriggersTopic(SchedulerProperties properties) {
        return TopicBuilder.name(properties.triggersTopic()).partitions(6).build();
    }
}

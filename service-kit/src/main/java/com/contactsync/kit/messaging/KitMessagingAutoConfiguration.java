package com.contactsync.kit.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import com.contactsync.kit.startup.KafkaReachability;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/** Kafka publishing, dead letters and the start-up check, the same in every service. */
@AutoConfiguration
@EnableConfigurationProperties({KafkaProperties.class, MessagingProperties.class, TopicsProperties.class})
public class KitMessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CloudEventPublisher cloudEventPublisher(KafkaProperties kafka, MessagingProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // Idempotence keeps per-partition order through retries; the relay and the gateway rely on that.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        return new CloudEventPublisher(template, properties.publishTimeout().toMillis());
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        // Dead letters keep the original key and value bytes untouched.
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new DeadLetters(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config)));
    }

    @Bean
    @ConditionalOnProperty(name = "contactsync.kafka.topics.create", havingValue = "true", matchIfMissing = true)
    KafkaAdmin.NewTopics systemTopics(TopicsProperties properties) {
        return new KafkaAdmin.NewTopics(SystemTopics.all(properties).toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnProperty(name = "contactsync.kafka.startup-check", havingValue = "true", matchIfMissing = true)
    KafkaReachability kafkaReachability(KafkaProperties kafka, MessagingProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        int millis = (int) properties.startupTimeout().toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        return new KafkaReachability(config, properties.startupTimeout());
    }
}

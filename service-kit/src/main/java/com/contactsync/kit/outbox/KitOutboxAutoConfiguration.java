package com.contactsync.kit.outbox;

import com.contactsync.kit.inbox.InboundEvents;
import com.contactsync.kit.inbox.Inbox;
import com.contactsync.kit.messaging.CloudEventPublisher;
import com.contactsync.kit.messaging.KitMessagingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Outbox, relay and inbox for services that own a database (tables from {@code db/migration/service-kit}). */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class,
        JdbcClientAutoConfiguration.class, KitMessagingAutoConfiguration.class})
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class KitOutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxMetrics outboxMetrics(MeterRegistry registry, JdbcClient jdbc) {
        return new OutboxMetrics(registry, jdbc);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(DataSource dataSource, JdbcClient jdbc, CloudEventPublisher publisher,
                            OutboxProperties properties, OutboxMetrics metrics) {
        return new OutboxRelay(dataSource, jdbc, publisher, properties, metrics);
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(JdbcClient jdbc, OutboxRelay relay) {
        return new Outbox(jdbc, relay);
    }

    @Bean
    @ConditionalOnMissingBean
    Inbox inbox(JdbcClient jdbc, TransactionTemplate transactions) {
        return new Inbox(jdbc, transactions);
    }

    @Bean
    @ConditionalOnMissingBean
    InboundEvents inboundEvents(Inbox inbox, MeterRegistry registry) {
        return new InboundEvents(inbox, registry);
    }
}

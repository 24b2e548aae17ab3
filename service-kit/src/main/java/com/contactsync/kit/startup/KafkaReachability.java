package com.contactsync.kit.startup;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Fails start-up with a message that says what to fix when no Kafka broker answers, instead of a service that
 * looks healthy while its consumers and producers retry in the background forever.
 */
public class KafkaReachability implements SmartInitializingSingleton {

    private final Map<String, Object> adminProperties;
    private final Duration timeout;

    public KafkaReachability(Map<String, Object> adminProperties, Duration timeout) {
        this.adminProperties = adminProperties;
        this.timeout = timeout;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Object servers = adminProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        Admin admin = Admin.create(adminProperties);
        try {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking Kafka at " + servers, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new KafkaUnreachableException(String.valueOf(servers), timeout, e);
        } finally {
            // Don't wait for the pending request of an unreachable broker.
            admin.close(Duration.ZERO);
        }
    }
}

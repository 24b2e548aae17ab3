package com.contactsync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.SpringArgs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A service that cannot reach its database or broker must not start, and must say what to fix. */
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class SchedulerServiceStartupFailureTest {

    @Test
    void refusesToStartWhenKafkaIsUnreachableNamingTheBootstrapServersAndTheSettingToFix(
            Infrastructure infrastructure, CapturedOutput output) throws IOException {
        String nowhere = "127.0.0.1:" + closedPort();
        Map<String, Object> properties = reachable(infrastructure);
        properties.put("spring.kafka.bootstrap-servers", nowhere);
        properties.put("spring.cloud.stream.kafka.binder.brokers", nowhere);
        properties.put("contactsync.kafka.startup-timeout", "3s");

        assertThatThrownBy(() -> start(properties))
                .hasStackTraceContaining("Kafka is unreachable at [" + nowhere + "]");
        assertThat(output.getOut()).contains("SPRING_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void refusesToStartWhenPostgresIsUnreachableNamingTheServerAndTheSettingToFix(Infrastructure infrastructure,
            CapturedOutput output) throws IOException {
        String nowhere = "127.0.0.1:" + closedPort();
        Map<String, Object> properties = reachable(infrastructure);
        properties.put("spring.datasource.url", "jdbc:postgresql://" + nowhere + "/scheduler");

        assertThatThrownBy(() -> start(properties)).hasStackTraceContaining("Connection to " + nowhere + " refused");
        assertThat(output.getOut()).contains("APPLICATION FAILED TO START", "SPRING_DATASOURCE_URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", ""})
    void refusesToStartWithoutAValidDefaultTimeZone(String zone, Infrastructure infrastructure) {
        Map<String, Object> properties = reachable(infrastructure);
        properties.put("contactsync.scheduler.default-time-zone", zone);

        assertThatThrownBy(() -> start(properties))
                .hasStackTraceContaining("contactsync.scheduler.default-time-zone");
    }

    private static void start(Map<String, Object> properties) {
        SchedulerServiceApplication.application().run(SpringArgs.of(properties)).close();
    }

    private static Map<String, Object> reachable(Infrastructure infrastructure) {
        Map<String, Object> properties = new HashMap<>(
                infrastructure.springProperties(infrastructure.newDatabase("scheduler_service")));
        properties.put("server.port", 0);
        return properties;
    }

    /** A port nothing listens on: connections to it are refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

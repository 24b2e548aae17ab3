package com.contactsync.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.contactsync.kit.startup.UnreachableInfrastructureFailureAnalyzer;
import com.contactsync.testinfra.Database;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.SpringArgs;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A service whose Kafka or PostgreSQL does not answer refuses to start, and says which one and what to do. */
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    @Test
    void unreachableKafkaStopsStartUpNamingTheBootstrapServers(CapturedOutput output) throws IOException {
        Infrastructure infra = Infrastructure.get();
        Map<String, Object> properties = new HashMap<>(infra.springProperties(infra.newDatabase("kit_nokafka")));
        String nowhere = "127.0.0.1:" + freePort();
        properties.put("spring.kafka.bootstrap-servers", nowhere);
        properties.put("spring.cloud.stream.kafka.binder.brokers", nowhere);
        properties.put("contactsync.kafka.startup-timeout", "2s");

        FailureAnalysis analysis = analyze(catchThrowable(() -> start(properties)));

        assertThat(analysis.getDescription()).isEqualTo("Kafka is unreachable at [" + nowhere + "] (no answer within PT2S).");
        assertThat(analysis.getAction()).contains("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        // Spring Boot found the analyzer and printed its report instead of the stack trace.
        assertThat(output).contains("APPLICATION FAILED TO START", analysis.getDescription());
    }

    @Test
    void unreachablePostgresStopsStartUpNamingTheDatasource() throws IOException {
        Map<String, Object> properties = new HashMap<>(Infrastructure.get().springProperties(null));
        properties.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + freePort() + "/nowhere");
        properties.put("spring.datasource.username", "nobody");
        properties.put("spring.datasource.password", "nothing");

        FailureAnalysis analysis = analyze(catchThrowable(() -> start(properties)));

        assertThat(analysis.getDescription()).startsWith("PostgreSQL is unreachable: Connection to 127.0.0.1:");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
    }

    @Test
    void missingDatabaseAndWrongPasswordSayWhatToSet() {
        Infrastructure infra = Infrastructure.get();
        Database database = infra.newDatabase("kit_nodb");
        Map<String, Object> missing = new HashMap<>(infra.springProperties(database));
        missing.put("spring.datasource.url", database.jdbcUrl().replace(database.name(), "no_such_database"));
        Map<String, Object> wrongPassword = new HashMap<>(infra.springProperties(database));
        wrongPassword.put("spring.datasource.username", "no_such_role");

        assertThat(analyze(catchThrowable(() -> start(missing))).getDescription())
                .startsWith("The service's database does not exist");
        assertThat(analyze(catchThrowable(() -> start(wrongPassword))).getAction())
                .contains("SPRING_DATASOURCE_USERNAME");
    }

    private static FailureAnalysis analyze(Throwable failure) {
        assertThat(failure).as("start-up must fail").isNotNull();
        FailureAnalysis analysis = new UnreachableInfrastructureFailureAnalyzer().analyze(failure);
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        return analysis;
    }

    private static void start(Map<String, Object> properties) {
        properties.put("server.port", 0);
        new SpringApplicationBuilder(KitTestApplication.class)
                .properties("spring.config.name=kit-test")
                .run(SpringArgs.of(properties))
                .close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

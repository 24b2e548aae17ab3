package com.contactsync.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import com.contactsync.testinfra.TestClients;
import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.SpringArgs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service as it is deployed: its own configuration file, a real database and a real broker. */
@RealInfrastructure
class SchedulerServiceTest {

    private static ConfigurableApplicationContext context;
    private static WebTestClient http;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start(Infrastructure infrastructure) {
        Map<String, Object> properties = new HashMap<>(
                infrastructure.springProperties(infrastructure.newDatabase("scheduler_service")));
        properties.put("server.port", 0);
        context = SchedulerServiceApplication.application().run(SpringArgs.of(properties));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        http = TestClients.admin("http://localhost:" + port)
                .build();
        jdbc = context.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void flywayCreatesTheScheduleTableWithTheFieldsOfTheRestContract() {
        assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'schedule'")
                .query(String.class).list())
                .containsExactlyInAnyOrder("id", "user_id", "mode", "every_minutes", "cron", "weekdays",
                        "starting_time", "ending_time", "time_zone", "enabled", "next_run_at", "last_run_at",
                        "last_run_id", "last_outcome", "last_due_at", "last_missed_runs", "created_at", "updated_at");
    }

    @Test
    void flywayAlsoAppliesTheServiceKitsOutbox() {
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event").query(Long.class).single()).isZero();
    }

    @Test
    void aScheduleForAllUsersRepeatingEveryNMinutesIsStoredWithDefaults() {
        jdbc.sql("INSERT INTO schedule (id, mode, every_minutes, time_zone) VALUES ('nightly', 'FULL', 60, 'UTC')")
                .update();

        Map<String, Object> row = jdbc.sql("SELECT user_id, enabled, cardinality(weekdays) AS days FROM schedule"
                + " WHERE id = 'nightly'").query().singleRow();

        assertThat(row).containsEntry("user_id", null).containsEntry("enabled", true).containsEntry("days", 7);
    }

    @Test
    void aScheduleRepeatsEveryNMinutesOrOnACronNeverBothOrNeither() {
        assertRejected("schedule_every_minutes_or_cron", "INSERT INTO schedule (id, mode, every_minutes, cron,"
                + " time_zone) VALUES ('both', 'FULL', 5, '0 0 * * * *', 'UTC')");
        assertRejected("schedule_every_minutes_or_cron",
                "INSERT INTO schedule (id, mode, time_zone) VALUES ('neither', 'FULL', 'UTC')");
    }

    @Test
    void weekdaysAreDayNamesAndModeIsIncrementalOrFull() {
        assertRejected("schedule_weekdays_check", "INSERT INTO schedule (id, mode, every_minutes, weekdays,"
                + " time_zone) VALUES ('typo', 'FULL', 5, ARRAY['MONDAY', 'FUNDAY'], 'UTC')");
        assertRejected("schedule_mode_check",
                "INSERT INTO schedule (id, mode, every_minutes, time_zone) VALUES ('partial', 'PARTIAL', 5, 'UTC')");
    }

    @Test
    void livenessAndReadinessAreUp() {
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void prometheusScrapeCarriesTheServiceTag() {
        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("jvm_memory_used_bytes")
                        .contains("service=\"scheduler-service\""));
    }

    @Test
    void openApiDocumentIsServed() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").value(version -> assertThat(version.toString()).startsWith("3."));
    }

    private static void assertRejected(String constraint, String insert) {
        assertThatThrownBy(() -> jdbc.sql(insert).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining(constraint);
    }
}

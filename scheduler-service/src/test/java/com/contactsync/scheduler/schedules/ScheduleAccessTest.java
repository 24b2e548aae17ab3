package com.contactsync.scheduler.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.testinfra.Infrastructure;
import com.contactsync.testinfra.RealInfrastructure;
import com.contactsync.testinfra.TestIssuer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A person manages only their own schedules; schedules for every user and other people's are for admins. */
@RealInfrastructure
class ScheduleAccessTest {

    private static RunningScheduler service;
    private static WebTestClient admin;
    private static WebTestClient alice;

    @BeforeAll
    static void start(Infrastructure infrastructure) {
        service = RunningScheduler.start(RunningScheduler.properties(infrastructure), new SteppedClock(Instant.parse("2030-01-07T08:00:30Z")));
        admin = service.http;
        alice = service.http.mutate().defaultHeaders(h -> h.setBearerAuth(TestIssuer.get().userToken("ALICE"))).build();
        put(admin, "bob-hourly", "BOB").expectStatus().isCreated();
        put(admin, "everyone-nightly", null).expectStatus().isCreated();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void userCreatesReadsRunsAndDeletesTheirOwnSchedule() {
        put(alice, "alice-own", "ALICE").expectStatus().isCreated();
        alice.get().uri("/api/v1/schedules/alice-own").exchange().expectStatus().isOk();
        alice.post().uri("/api/v1/schedules/alice-own/run-now").exchange().expectStatus().isAccepted();
        alice.delete().uri("/api/v1/schedules/alice-own").exchange().expectStatus().isNoContent();
    }

    @Test
    void userCannotTouchAnotherUsersSchedule() {
        alice.get().uri("/api/v1/schedules/bob-hourly").exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        alice.post().uri("/api/v1/schedules/bob-hourly/run-now").exchange().expectStatus().isForbidden();
        alice.delete().uri("/api/v1/schedules/bob-hourly").exchange().expectStatus().isForbidden();
        // taking it over by making it hers is changing BOB's schedule too
        put(alice, "bob-hourly", "ALICE").expectStatus().isForbidden();

        admin.get().uri("/api/v1/schedules/bob-hourly").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.userId").isEqualTo("BOB");
    }

    @Test
    void userCannotCreateAScheduleForSomeoneElseOrForEveryone() {
        put(alice, "alice-for-bob", "BOB").expectStatus().isForbidden();
        put(alice, "alice-for-all", null).expectStatus().isForbidden();
        alice.get().uri("/api/v1/schedules/everyone-nightly").exchange().expectStatus().isForbidden();

        admin.get().uri("/api/v1/schedules/alice-for-bob").exchange().expectStatus().isNotFound();
        admin.get().uri("/api/v1/schedules/alice-for-all").exchange().expectStatus().isNotFound();
    }

    @Test
    void listShowsAUserOnlyTheirOwnSchedules() {
        put(alice, "alice-listed", "ALICE").expectStatus().isCreated();

        List<String> users = alice.get().uri("/api/v1/schedules").exchange().expectStatus().isOk()
                .expectBodyList(ScheduleView.class).returnResult().getResponseBody().stream().map(ScheduleView::userId).toList();
        List<String> all = admin.get().uri("/api/v1/schedules").exchange().expectStatus().isOk()
                .expectBodyList(ScheduleView.class).returnResult().getResponseBody().stream().map(ScheduleView::userId).toList();

        assertThat(users).isNotEmpty().allMatch("ALICE"::equals);
        assertThat(all).contains("BOB").containsNull();
    }

    @Test
    void noTokenIs401() {
        service.http.mutate().defaultHeaders(h -> h.remove("Authorization")).build()
                .get().uri("/api/v1/schedules").exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static WebTestClient.ResponseSpec put(WebTestClient client, String id, String userId) {
        String user = userId == null ? "null" : "\"" + userId + "\"";
        return client.put().uri("/api/v1/schedules/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"userId\":" + user + ",\"mode\":\"INCREMENTAL\",\"everyMinutes\":60}").exchange();
    }
}

package com.contactsync.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.contactsync.sandbox.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Graph misbehaves while three users' FULL syncs run, one storm per mailbox: 30% 5xx, 429 bursts, and creates that
 * are stored but answered 504 (commit-then-fail). Every run ends SUCCEEDED, or PARTIAL naming each failed contact
 * with a reason (never FAILED, never stuck); once the storm is over a FULL run repairs what failed, and the folders
 * hold the target set with no duplicate (S12, S15).
 */
class GraphStormIT {

    private static final Set<String> ACCEPTABLE = Set.of("SUCCEEDED", "PARTIAL");

    private final RunningSystem system = RunningSystem.get();
    private final Api api = system.api();

    @Test
    void graphStormsOfServerErrorsThrottlingAndCommitThenFailEndRunsWithReasonsAndConvergeWithoutDuplicates()
            throws Exception {
        Scenario scenario = Scenario.create(system, "storm", Scenario.SIZE);
        List<Map<String, Object>> storms = List.of(
                Map.of("serverErrorRate", 0.3),
                Map.of("throttleRate", 0.5, "retryAfterSeconds", 0.2),
                Map.of("commitThenFailRate", 0.3));
        for (int u = 1; u <= Scenario.USERS; u++) {
            api.send("PUT", faults(scenario.mailbox(u)), storms.get(u - 1)).ok("a storm on " + scenario.mailbox(u));
        }

        List<String> runs = scenario.fullSyncs();
        for (int u = 1; u <= Scenario.USERS; u++) {
            int user = u;
            JsonNode run = await("the storm run of " + scenario.user(u)).atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> scenario.run(user, runs.get(user - 1)),
                            r -> !Set.of("QUEUED", "RUNNING").contains(r.path("status").asString()));
            assertThat(run.path("status").asString()).as("run of %s: %s", scenario.user(u), run)
                    .isIn(ACCEPTABLE);
            if (run.path("status").asString().equals("PARTIAL")) {
                assertThat(run.path("problems")).as("problems of a PARTIAL run").isNotEmpty();
                run.path("problems").forEach(p -> assertThat(p.path("message").asString())
                        .as("reason of %s", p).isNotBlank());
            }
        }
        JsonNode causes = api.get(system.url(RunningSystem.GRAPH_SIMULATOR) + "/_simulator/stats")
                .ok("the simulator's statistics").json().path("causes");
        assertThat(causes.path("ServerError").asInt()).as("5xx injected").isPositive();
        assertThat(causes.path("ThrottleStorm").asInt()).as("429s injected").isPositive();
        assertThat(causes.path("CommitThenFail").asInt()).as("commit-then-fail creates injected").isPositive();

        for (int u = 1; u <= Scenario.USERS; u++) {
            api.send("DELETE", faults(scenario.mailbox(u)), Map.of()).ok("ending the storm");
        }
        scenario.awaitConvergence();
    }

    private String faults(String mailbox) {
        return system.url(RunningSystem.GRAPH_SIMULATOR) + "/_simulator/faults/" + mailbox;
    }
}

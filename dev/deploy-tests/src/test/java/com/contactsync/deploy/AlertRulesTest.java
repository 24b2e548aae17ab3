package com.contactsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The alert rules and the dashboard as files: valid for Prometheus and Grafana, and each alert in the runbook. */
class AlertRulesTest {

    @Test
    void promtoolAcceptsTheRules() {
        Repo.requireTools("promtool");
        assertThat(Repo.runOk("promtool", "check", "rules", Repo.path(Monitoring.RULES).toString()))
                .contains("SUCCESS: " + Monitoring.alerts().size() + " rules found");
    }

    @Test
    void everyAlertComparesASignalWithAThresholdAndHasARunbookSection() {
        List<String> headings = Pattern.compile("(?m)^### (\\S+)$").matcher(Repo.read("docs/operations.md"))
                .results().map(m -> m.group(1)).collect(Collectors.toList());
        assertThat(Monitoring.alerts()).hasSizeGreaterThanOrEqualTo(5).allSatisfy(alert -> {
            assertThat(alert.signal()).isNotBlank();
            assertThat(headings).as("docs/operations.md headings").contains(alert.name());
            assertThat(alert.runbook()).isEqualTo("docs/operations.md#" + alert.name().toLowerCase(Locale.ROOT));
        });
        assertThat(Monitoring.alerts()).extracting(Monitoring.Alert::name).contains("ContactSyncOutboxStuck",
                "ContactSyncDeadLettersGrowing", "ContactSyncGraphThrottled", "ContactSyncUserFailing",
                "ContactSyncConsumerLag");
    }

    @Test
    void theDashboardAsksItsPrometheusDataSourceForEveryPanel() {
        JsonNode dashboard = Monitoring.dashboard();
        assertThat(dashboard.path("uid").asString()).isEqualTo("contact-sync");
        assertThat(dashboard.path("templating").path("list")).anySatisfy(v -> {
            assertThat(v.path("type").asString()).isEqualTo("datasource");
            assertThat(v.path("query").asString()).isEqualTo("prometheus");
        });
        for (JsonNode panel : dashboard.path("panels")) {
            if (!panel.path("type").asString().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                        .isEqualTo("${datasource}");
                assertThat(panel.path("targets")).as(panel.path("title").asString()).isNotEmpty()
                        .allSatisfy(t -> assertThat(t.path("expr").asString()).isNotBlank());
            }
        }
        assertThat(Monitoring.dashboardQueries().values().stream().flatMap(List::stream))
                .as("what operators need to see").anyMatch(q -> q.contains("contactsync_sync_runs_started_total"))
                .anyMatch(q -> q.contains("contactsync_sync_outlook_writes_total"))
                .anyMatch(q -> q.contains("contactsync_sync_lag_seconds_bucket"))
                .anyMatch(q -> q.contains("contactsync_graph_requests_total"))
                .anyMatch(q -> q.contains("contactsync_graph_throttled_total"))
                .anyMatch(q -> q.contains("contactsync_graph_latency_seconds"))
                .anyMatch(q -> q.contains("spring_cloud_stream_binder_kafka_offset"))
                .anyMatch(q -> q.contains("contactsync_outbox_backlog"))
                .anyMatch(q -> q.contains("contactsync_inbound_rejected_total"))
                .anyMatch(q -> q.contains("contactsync_sync_user_failing"));
    }
}

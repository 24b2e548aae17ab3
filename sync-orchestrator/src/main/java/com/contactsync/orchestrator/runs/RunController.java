package com.contactsync.orchestrator.runs;

import com.contactsync.contracts.events.SyncMode;
import com.contactsync.kit.web.ApiProblem;
import com.contactsync.kit.web.Blocking;
import com.contactsync.orchestrator.sync.SyncService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Sync runs: start one ("Sync with Microsoft 365" / "Full sync"), follow it, list a user's runs. */
@RestController
class RunController {

    record RunRequest(@NotNull SyncMode mode) {
    }

    record RunStarted(String runId) {
    }

    record RunsStarted(Map<String, String> runIdsByUser) {
    }

    private final SyncService sync;
    private final RunRepository runs;

    RunController(SyncService sync, RunRepository runs) {
        this.sync = sync;
        this.runs = runs;
    }

    @PostMapping("/api/v1/users/{userId}/contact-sync/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<RunStarted> start(@PathVariable String userId, @Valid @RequestBody RunRequest request) {
        return Blocking.call(() -> sync.requestRun(userId, request.mode(), "requested over REST", null, null)
                .map(RunStarted::new)
                .orElseThrow(() -> ApiProblem.conflict("User " + userId
                        + " has no enabled contact sync setup with a Microsoft 365 e-mail; nothing to run")));
    }

    @PostMapping("/api/v1/contact-sync/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<RunsStarted> startForAll(@Valid @RequestBody RunRequest request) {
        return Blocking.call(() -> new RunsStarted(sync.requestRunForAll(request.mode(), "requested over REST", null)));
    }

    @GetMapping("/api/v1/users/{userId}/contact-sync/runs")
    Mono<List<SyncRun>> list(@PathVariable String userId, @RequestParam(defaultValue = "20") int limit) {
        return Blocking.call(() -> runs.forUser(userId, Math.max(1, Math.min(limit, 200))));
    }

    @GetMapping("/api/v1/users/{userId}/contact-sync/runs/{runId}")
    Mono<SyncRun> get(@PathVariable String userId, @PathVariable String runId) {
        return Blocking.call(() -> parseRunId(runId).flatMap(runs::find)
                .filter(run -> run.userId().equals(userId))
                .orElseThrow(() -> ApiProblem.notFound("User " + userId + " has no run " + runId)));
    }

    @GetMapping("/api/v1/contact-sync/status")
    Mono<List<UserSyncStatus>> status() {
        return Blocking.call(runs::status);
    }

    private static Optional<String> parseRunId(String runId) {
        try {
            return Optional.of(UUID.fromString(runId).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

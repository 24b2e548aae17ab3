package com.contactsync.scheduler.schedules;

import com.contactsync.kit.security.Caller;
import com.contactsync.kit.web.ApiProblem;
import com.contactsync.kit.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/schedules")
@Tag(name = "schedules", description = "When to ask for a sync: per user or for all users, like Business Central's job queue entry")
class ScheduleController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final ScheduleService schedules;
    private final SchedulerProperties properties;
    private final Clock clock;

    ScheduleController(ScheduleService schedules, SchedulerProperties properties, Clock clock) {
        this.schedules = schedules;
        this.properties = properties;
        this.clock = clock;
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create or replace a schedule",
            description = "Every N minutes (everyMinutes) or on a cron expression, on weekdays, between startingTime"
                    + " and endingTime, read in timeZone. Fields left out take their defaults.")
    @ApiResponse(responseCode = "200", description = "Replaced")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "422", description = "Fields break a rule: errors[] names each field and rule",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    Mono<ResponseEntity<ScheduleView>> put(@PathVariable String id, @RequestBody ScheduleRequest request) {
        if (!ID.matcher(id).matches()) {
            throw ApiProblem.invalid("id", "pattern",
                    "must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        ScheduleDefinition definition = request.toDefinition(properties.defaultTimeZone(), clock.instant());
        return Caller.current().flatMap(caller -> Blocking.call(() -> {
                    // both the user the schedule is for now and the one it would be for must be the caller's to manage
                    caller.requireMayManage(definition.userId());
                    schedules.find(id).ifPresent(existing -> caller.requireMayManage(existing.definition().userId()));
                    return schedules.put(id, definition);
                }))
                .map(write -> write.created()
                        ? ResponseEntity.created(URI.create("/api/v1/schedules/" + id))
                                .body(ScheduleView.of(write.schedule()))
                        : ResponseEntity.ok(ScheduleView.of(write.schedule())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a schedule, with its next run and its last trigger")
    @ApiResponse(responseCode = "403", description = "A schedule of another user, or of every user, and the caller is no admin",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such schedule",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    Mono<ScheduleView> get(@PathVariable String id) {
        return Caller.current().flatMap(caller -> Blocking.call(() -> ScheduleView.of(managed(caller, id))));
    }

    @GetMapping
    @Operation(summary = "List the schedules the caller may manage (an admin: all), in order of id")
    Mono<List<ScheduleView>> list() {
        return Caller.current().flatMap(caller -> Blocking.call(() -> schedules.list().stream()
                .filter(schedule -> caller.mayManage(schedule.definition().userId()))
                .map(ScheduleView::of)
                .toList()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a schedule", description = "A default schedule deleted stays deleted.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "A schedule of another user, or of every user, and the caller is no admin",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such schedule",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        return Caller.current().flatMap(caller -> Blocking.call(() -> {
            managed(caller, id);
            if (!schedules.delete(id)) {
                throw notFound(id);
            }
            return ResponseEntity.<Void>noContent().build();
        }));
    }

    @PostMapping("/{id}/run-now")
    @Operation(summary = "Ask for the schedule's sync now",
            description = "Also for a disabled schedule; its next run stays where it is. runId follows the run: the"
                    + " orchestrator's run id for one user, the trigger's id for all users.")
    @ApiResponse(responseCode = "202", description = "The trigger is on its way to sync.triggers.v1")
    @ApiResponse(responseCode = "403", description = "A schedule of another user, or of every user, and the caller is no admin",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such schedule",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    Mono<ResponseEntity<ScheduleService.RunRequested>> runNow(@PathVariable String id) {
        return Caller.current().flatMap(caller -> Blocking.call(() -> {
            managed(caller, id);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(schedules.runNow(id).orElseThrow(() -> notFound(id)));
        }));
    }

    /** The schedule, if the caller may manage its user: 404 when there is none, 403 when it is someone else's. */
    private Schedule managed(Caller caller, String id) {
        Schedule schedule = schedules.find(id).orElseThrow(() -> notFound(id));
        caller.requireMayManage(schedule.definition().userId());
        return schedule;
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("No schedule " + id);
    }
}

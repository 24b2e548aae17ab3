package com.contactsync.gateway.graph;

import com.contactsync.gateway.limits.MailboxLimiter;
import com.contactsync.gateway.limits.MailboxThrottledException;
import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.models.BatchRequestStep;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import com.microsoft.kiota.ApiException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One piece of work's access to one mailbox: every request goes through the mailbox's limits, 429 and 503 are
 * answered by waiting their {@code Retry-After} (also inside batches, which the SDK does not do), other 5xx and
 * missing answers by a backoff with jitter. Nothing waits past the work's deadline: what is still throttled then
 * fails with the time from when it can succeed, so the caller can answer at once instead of stalling others.
 */
public final class MailboxSession {

    /** Graph's maximum of requests in one {@code $batch}. */
    static final int MAX_STEPS = 20;
    /** Outlook runs at most this many steps of one batch at once; they count against the mailbox's concurrency. */
    private static final int STEPS_AT_ONCE = 4;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GraphServiceClient graph;
    private final MailboxLimiter limiter;
    private final GraphMetrics metrics;
    private final RetryProperties retry;
    private final String mailbox;
    private final long deadline;

    MailboxSession(GraphServiceClient graph, MailboxLimiter limiter, GraphMetrics metrics, RetryProperties retry, String mailbox,
            long deadline) {
        this.graph = graph;
        this.limiter = limiter;
        this.metrics = metrics;
        this.retry = retry;
        this.mailbox = mailbox;
        this.deadline = deadline;
    }

    public String mailbox() {
        return mailbox;
    }

    UserItemRequestBuilder user() {
        return graph.users().byUserId(mailbox);
    }

    /**
     * One request on its own (reads, and folder writes, which are safe to repeat).
     *
     * @throws GraphCallException when it failed for good
     */
    <T> T call(GraphOperation operation, Supplier<T> request) {
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            try (MailboxLimiter.Lease lease = limiter.acquire(mailbox, 1, 1, deadline)) {
                return request.get();
            } catch (MailboxThrottledException e) {
                throw new GraphCallException(GraphFailure.of(e), e);
            } catch (RuntimeException e) {
                GraphFailure.rethrowIfNotGraphs(e);
                failure = e;
            }
            GraphFailure reason = GraphFailure.of(failure);
            Duration retryAfter = failure instanceof ApiException api ? throttledFor(reason.status(), RetryAfter.from(api.getResponseHeaders()))
                    : null;
            if (retryAfter != null) {
                throttled(operation, reason.code(), retryAfter);
                attempt--;
                continue;
            }
            if (reason.retryable() && attempt < retry.maxAttempts() && backOff(attempt)) {
                metrics.retried(operation, reason.status() == 0 ? "no_answer" : "server_error");
                continue;
            }
            throw new GraphCallException(reason, failure);
        }
    }

    /**
     * Sends the steps in batches of at most 20, one batch at a time (a batch takes all of the mailbox's concurrent
     * requests). Throttled steps go again after {@code Retry-After}; idempotent ones that failed with 5xx or got no
     * answer go again after a backoff; a create whose outcome is unknown comes back as it is, for the caller to look
     * up (S12).
     *
     * @return each step's outcome by id
     */
    public Map<String, StepOutcome> batch(List<BatchStep> steps) {
        Map<String, StepOutcome> outcomes = new LinkedHashMap<>();
        Map<String, Integer> attempts = new HashMap<>();
        List<BatchStep> pending = steps;
        while (!pending.isEmpty()) {
            List<BatchStep> again = new ArrayList<>();
            int backOffAttempt = 0;
            for (int from = 0; from < pending.size(); from += MAX_STEPS) {
                List<BatchStep> chunk = pending.subList(from, Math.min(from + MAX_STEPS, pending.size()));
                Map<String, StepOutcome> answers;
                try {
                    answers = send(chunk);
                } catch (MailboxThrottledException e) {
                    GraphFailure throttled = GraphFailure.of(e);
                    pending.subList(from, pending.size()).forEach(step -> outcomes.put(step.id(), new StepOutcome(step.id(), 429, null, throttled)));
                    again.clear();
                    backOffAttempt = 0;
                    break;
                }
                for (BatchStep step : chunk) {
                    StepOutcome outcome = answers.get(step.id());
                    outcomes.put(step.id(), outcome);
                    GraphFailure failure = outcome.failure();
                    if (failure == null) {
                        continue;
                    }
                    Duration retryAfter = throttledFor(outcome.status(), failure.retryNotBefore() == null ? null
                            : Duration.between(Instant.now(), failure.retryNotBefore()));
                    if (retryAfter != null) {
                        throttled(step.operation(), failure.code(), retryAfter);
                        // a 503 may come after a create was stored: only a 429 says for sure that nothing happened
                        if (step.idempotent() || outcome.status() == 429) {
                            again.add(step);
                        }
                    } else if (failure.retryable() && step.idempotent()) {
                        int attempt = attempts.merge(step.id(), 1, Integer::sum);
                        if (attempt < retry.maxAttempts()) {
                            metrics.retried(step.operation(), outcome.status() == 0 ? "no_answer" : "server_error");
                            again.add(step);
                            backOffAttempt = Math.max(backOffAttempt, attempt);
                        }
                    }
                }
            }
            if (backOffAttempt > 0 && !backOff(backOffAttempt)) {
                break;
            }
            pending = again;
        }
        return outcomes;
    }

    /**
     * Waits before another attempt: a random time up to {@code backoff} · 2^(attempt−1), at most {@code maxBackoff}.
     *
     * @return false, without waiting, when the wait would pass the deadline
     */
    public boolean backOff(int attempt) {
        long ceiling = Math.min(retry.maxBackoff().toNanos(), retry.backoff().toNanos() << Math.min(attempt - 1, 20));
        long wait = ThreadLocalRandom.current().nextLong(ceiling + 1);
        if (deadline - (System.nanoTime() + wait) < 0) {
            return false;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the deadline for waiting has passed. */
    public boolean pastDeadline() {
        return deadline - System.nanoTime() <= 0;
    }

    private void throttled(GraphOperation operation, String code, Duration retryAfter) {
        limiter.throttle(mailbox, retryAfter);
        metrics.throttled(code);
        metrics.retried(operation, "throttled");
    }

    /** How long Graph told the gateway to wait: 429 and 503 with {@code Retry-After}; a 429 without one waits a backoff. */
    private Duration throttledFor(int status, Duration retryAfter) {
        if (status == 429) {
            return retryAfter != null ? retryAfter : retry.backoff();
        }
        return status == 503 ? retryAfter : null;
    }

    private Map<String, StepOutcome> send(List<BatchStep> chunk) {
        BatchRequestContent content = new BatchRequestContent(graph.getRequestAdapter(), new ArrayList<>());
        try {
            for (BatchStep step : chunk) {
                // signs the step in, which may fail at the token endpoint: then nothing was sent
                Request request = graph.getRequestAdapter().convertToNativeRequest(step.request());
                content.addBatchRequestStep(new BatchRequestStep(step.id(), request));
            }
        } catch (RuntimeException e) {
            GraphFailure.rethrowIfNotGraphs(e);
            return failedAll(chunk, GraphFailure.of(e));
        }
        BatchResponseContent response;
        Map<String, Integer> statuses;
        try (MailboxLimiter.Lease lease = limiter.acquire(mailbox, chunk.size(), Math.min(chunk.size(), STEPS_AT_ONCE), deadline)) {
            response = graph.getBatchRequestBuilder().post(content, null);
            statuses = response.getResponsesStatusCode();
        } catch (MailboxThrottledException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // The batch as a whole failed: after a 429 no step ran; otherwise any of them may have (whatever failed)
            return failedAll(chunk, withRetryAfter(GraphFailure.of(e), e instanceof ApiException api ? RetryAfter.from(api.getResponseHeaders()) : null));
        }
        Map<String, StepOutcome> outcomes = new HashMap<>();
        for (BatchStep step : chunk) {
            StepOutcome outcome;
            try {
                outcome = outcome(step, statuses.get(step.id()), response);
            } catch (RuntimeException e) {
                // The step ran, but what Graph said cannot be read: as good as no answer
                outcome = new StepOutcome(step.id(), 0, null, GraphFailure.of(new IOException("the answer to step " + step.id()
                        + " cannot be read: " + e.getMessage(), e)));
            }
            outcomes.put(step.id(), outcome);
        }
        return outcomes;
    }

    private static Map<String, StepOutcome> failedAll(List<BatchStep> chunk, GraphFailure failure) {
        Map<String, StepOutcome> outcomes = new HashMap<>();
        chunk.forEach(step -> outcomes.put(step.id(), new StepOutcome(step.id(), failure.status(), null, failure)));
        return outcomes;
    }

    private StepOutcome outcome(BatchStep step, Integer status, BatchResponseContent response) {
        if (status == null) {
            metrics.answered(step.operation(), "io_error");
            return new StepOutcome(step.id(), 0, null, GraphFailure.of(new IOException("the batch's answer has no response for step " + step.id())));
        }
        metrics.answered(step.operation(), Integer.toString(status));
        if (status >= 200 && status < 300) {
            return new StepOutcome(step.id(), status, step.answer() == null ? null : response.getResponseById(step.id(), step.answer()), null);
        }
        Response answer = response.getResponseById(step.id());
        JsonNode error = error(answer.body());
        GraphFailure failure = GraphFailure.answered(status, error.path("code").asString("unknown"), error.path("message").asString(""));
        return new StepOutcome(step.id(), status, null, withRetryAfter(failure, RetryAfter.parse(answer.header("Retry-After"))));
    }

    /** A throttled failure carries the time from when the request can succeed. */
    private static GraphFailure withRetryAfter(GraphFailure failure, Duration retryAfter) {
        if (retryAfter == null || (failure.status() != 429 && failure.status() != 503)) {
            return failure;
        }
        return new GraphFailure(failure.status(), failure.code(), failure.reason(), true, Instant.now().plus(retryAfter));
    }

    private static JsonNode error(ResponseBody body) {
        try {
            return body == null ? JSON.missingNode() : JSON.readTree(body.string()).path("error");
        } catch (IOException | JacksonException e) {
            return JSON.missingNode();
        }
    }
}

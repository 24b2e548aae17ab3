package com.contactsync.gateway.graph;

import com.azure.core.exception.ClientAuthenticationException;
import com.contactsync.gateway.limits.MailboxThrottledException;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Why a Graph call failed, for the events the gateway reports: a line a person can act on, and whether trying
 * again later can help (throttling, Graph's own failures, no answer) or not (bad data, no such mailbox, no access,
 * refused credentials).
 *
 * @param status Graph's HTTP status (401 when the token endpoint refused the credentials); 0 when there was no answer
 * @param code Graph's error code ({@code ErrorInvalidUser}, ...), or the gateway's own for failures without one
 * @param retryNotBefore when Graph throttles the mailbox: from when a new attempt can succeed; null otherwise
 */
public record GraphFailure(int status, String code, String reason, boolean retryable, Instant retryNotBefore) {

    public static GraphFailure of(Throwable failure) {
        if (failure instanceof GraphCallException call) {
            return call.failure();
        }
        if (failure instanceof MailboxThrottledException throttled) {
            return new GraphFailure(429, "throttled", throttled.getMessage(), true, throttled.retryNotBefore());
        }
        ClientAuthenticationException refusal = cause(failure, ClientAuthenticationException.class);
        if (refusal != null) {
            boolean unreachable = causedByIo(refusal);
            return new GraphFailure(unreachable ? 0 : 401, unreachable ? "tokenEndpointUnreachable" : "credentialsRefused",
                    (unreachable ? "The token endpoint could not be reached: " : "The token endpoint refused the gateway's credentials: ")
                            + refusal.getMessage(), unreachable, null);
        }
        if (failure instanceof ApiException api && api.getResponseStatusCode() > 0) {
            String code = failure instanceof ODataError odata && odata.getError() != null ? odata.getError().getCode() : null;
            String message = failure instanceof ODataError odata && odata.getError() != null ? odata.getError().getMessage()
                    : failure.getMessage();
            return answered(api.getResponseStatusCode(), code, message);
        }
        return new GraphFailure(0, "noAnswer", "Graph could not be reached: " + failure.getMessage(), true, null);
    }

    /**
     * Lets through failures of talking to Graph or its token endpoint (an answer, a refusal, no answer) and throws any
     * other: a fault of the gateway itself, which no retry mends and which must not pass for Graph's.
     */
    static void rethrowIfNotGraphs(RuntimeException failure) {
        if (!(failure instanceof ApiException) && cause(failure, ClientAuthenticationException.class) == null && !causedByIo(failure)) {
            throw failure;
        }
    }

    /** A failure Graph answered with {@code status} and its error {@code code} and {@code message}. */
    static GraphFailure answered(int status, String code, String message) {
        return new GraphFailure(status, code, "Graph answered " + status + " " + code + ": " + message, transientStatus(status), null);
    }

    /** Statuses after which the same request can succeed later: throttling and Graph's own failures. */
    static boolean transientStatus(int status) {
        return status == 0 || status == 429 || status >= 500;
    }

    private static boolean causedByIo(Throwable failure) {
        return cause(failure, IOException.class) != null || cause(failure, UncheckedIOException.class) != null;
    }

    /** The failure itself or its first cause of that type; null when there is none. */
    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

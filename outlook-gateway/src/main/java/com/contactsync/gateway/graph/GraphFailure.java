package com.contactsync.gateway.graph;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;

/**
 * Why a Graph call failed, for the events the gateway reports: a line a person can act on, and whether trying
 * again later can help (throttling, Graph's own failures, no answer) or not (bad data, no such mailbox, no access).
 */
public record GraphFailure(int status, String reason, boolean retryable) {

    public static GraphFailure of(RuntimeException failure) {
        if (failure instanceof ApiException api) {
            int status = api.getResponseStatusCode();
            String detail = failure instanceof ODataError odata && odata.getError() != null
                    ? odata.getError().getCode() + ": " + odata.getError().getMessage()
                    : String.valueOf(failure.getMessage());
            boolean retryable = status == 429 || status >= 500 || status == 0;
            return new GraphFailure(status, "Graph answered " + status + " " + detail, retryable);
        }
        // No HTTP answer at all (connection refused, timeout, token endpoint down)
        return new GraphFailure(0, "Graph could not be reached: " + failure.getMessage(), true);
    }
}

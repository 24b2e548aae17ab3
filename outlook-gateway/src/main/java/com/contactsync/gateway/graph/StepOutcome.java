package com.contactsync.gateway.graph;

import com.microsoft.kiota.serialization.Parsable;

/**
 * What became of one step of a {@code $batch}.
 *
 * @param status Graph's status for the step; 0 when the step got no answer (the batch failed or timed out, so a
 *               write may or may not have happened)
 * @param value the answer's body as the step asked for it, when the step succeeded
 * @param failure why it did not succeed; null when it did
 */
public record StepOutcome(String id, int status, Parsable value, GraphFailure failure) {

    public boolean succeeded() {
        return failure == null;
    }

    /** Whether the write may have happened although no success came back: Graph failed itself, or no answer came. */
    public boolean outcomeUnknown() {
        return failure != null && (status == 0 || status >= 500);
    }

    @SuppressWarnings("unchecked")
    public <T extends Parsable> T value(Class<T> type) {
        return (T) value;
    }
}

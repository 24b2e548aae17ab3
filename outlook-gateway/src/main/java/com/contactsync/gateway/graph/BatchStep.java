package com.contactsync.gateway.graph;

import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;

/**
 * One request of a {@code $batch}, built with the SDK's request builders.
 *
 * @param id unique within the steps sent together
 * @param operation what it does, for metrics
 * @param idempotent whether sending it again after a failure whose outcome is unknown (5xx, no answer) is safe; a
 *                   create is not (S12): its outcome comes back to the caller, who looks it up first
 * @param answer how to read a successful answer's body; null when it does not matter
 */
public record BatchStep(String id, GraphOperation operation, RequestInformation request, boolean idempotent,
                        ParsableFactory<? extends Parsable> answer) {
}

package com.contactsync.gateway.limits;

import java.time.Instant;

/**
 * A request to a mailbox could not be sent before the caller's deadline: Graph told the gateway to wait (429 or 503
 * with {@code Retry-After}), the mailbox's request budget for the window is spent, or its requests in flight did not
 * finish in time.
 */
public class MailboxThrottledException extends RuntimeException {

    private final transient Instant retryNotBefore;

    /** @param retryNotBefore the earliest time a request can be sent; null when that depends on requests in flight */
    public MailboxThrottledException(String message, Instant retryNotBefore) {
        super(message);
        this.retryNotBefore = retryNotBefore;
    }

    public Instant retryNotBefore() {
        return retryNotBefore;
    }
}

package com.contactsync.gateway.graph;

import com.contactsync.gateway.limits.MailboxLimiter;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.springframework.stereotype.Component;

/** Hands out sessions on one mailbox, all under that mailbox's limits. */
@Component
public class GraphMailboxes {

    private final GraphServiceClient graph;
    private final MailboxLimiter limiter;
    private final GraphMetrics metrics;
    private final RetryProperties retry;

    GraphMailboxes(GraphServiceClient graph, MailboxLimiter limiter, GraphMetrics metrics, RetryProperties retry) {
        this.graph = graph;
        this.limiter = limiter;
        this.metrics = metrics;
        this.retry = retry;
    }

    /**
     * @param mailbox the mailbox's user principal name or user id
     * @param deadline System.nanoTime after which the session's requests no longer wait for limits or retries
     */
    public MailboxSession session(String mailbox, long deadline) {
        return new MailboxSession(graph, limiter, metrics, retry, mailbox, deadline);
    }
}

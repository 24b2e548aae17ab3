package com.contactsync.gateway.graph;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import org.springframework.stereotype.Component;

/** Hands out the Graph view of one mailbox; the place where per-mailbox limits will live. */
@Component
public class GraphMailboxes {

    private final GraphServiceClient graph;

    GraphMailboxes(GraphServiceClient graph) {
        this.graph = graph;
    }

    /** @param user the mailbox's user principal name or user id */
    public GraphMailbox mailbox(String user) {
        return new GraphMailbox(graph, user);
    }
}

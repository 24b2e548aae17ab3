package com.contactsync.graphsim.mailbox;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A contact folder as Graph shows it. */
public record ContactFolder(String id, String displayName, String parentFolderId) {

    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("id", id);
        json.put("displayName", displayName);
        json.put("parentFolderId", parentFolderId);
        return json;
    }
}

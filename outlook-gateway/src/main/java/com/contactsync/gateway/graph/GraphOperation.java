package com.contactsync.gateway.graph;

import java.util.Locale;

/**
 * What a Graph request does, from its method and path: the {@code operation} tag of the gateway's Graph metrics,
 * the same for a request on its own and for a step of a {@code $batch}.
 */
public enum GraphOperation {
    BATCH,
    FOLDER_LIST,
    FOLDER_CREATE,
    FOLDER_GET,
    FOLDER_RENAME,
    CONTACT_CREATE,
    CONTACT_LOOKUP,
    CONTACT_LIST,
    CONTACT_GET,
    CONTACT_UPDATE,
    CONTACT_DELETE,
    DELTA,
    OTHER;

    /** The metric tag value. */
    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param path the URL path, with or without the version prefix
     * @param query the raw query, null when there is none
     */
    static GraphOperation of(String method, String path, String query) {
        String[] segments = path.replaceFirst("^/(v1\\.0|beta)(?=/|$)", "").split("/");
        // ["", "users", "{user}", "contactFolders", "{id}", "contacts", "{id}"] or ["", "$batch"]
        if (segments.length == 2 && "$batch".equals(segments[1])) {
            return BATCH;
        }
        if (segments.length < 4 || !"users".equals(segments[1])) {
            return OTHER;
        }
        String last = segments[segments.length - 1];
        if (last.startsWith("delta")) {
            return DELTA;
        }
        boolean inFolder = "contactFolders".equals(segments[3]);
        int contacts = inFolder ? 5 : 3;
        if (inFolder && segments.length == 4) {
            return "POST".equals(method) ? FOLDER_CREATE : FOLDER_LIST;
        }
        if (inFolder && segments.length == 5) {
            return "PATCH".equals(method) ? FOLDER_RENAME : FOLDER_GET;
        }
        if (segments.length == contacts + 1 && "contacts".equals(segments[contacts])) {
            if ("POST".equals(method)) {
                return CONTACT_CREATE;
            }
            return query != null && query.contains("filter") ? CONTACT_LOOKUP : CONTACT_LIST;
        }
        if (segments.length == contacts + 2 && "contacts".equals(segments[contacts])) {
            return switch (method) {
                case "PATCH" -> CONTACT_UPDATE;
                case "DELETE" -> CONTACT_DELETE;
                default -> CONTACT_GET;
            };
        }
        return OTHER;
    }
}

package com.contactsync.orchestrator.users;

import java.time.Instant;
import java.util.Map;

/**
 * A user's contact sync setup (SYNC-SPEC "Setup").
 *
 * @param filter contact field → Business Central filter expression, all AND-ed
 */
public record SyncSetup(
        boolean enabled, String folderName, Map<String, String> filter, boolean realtime, Instant lastSyncAt,
        String state) {

    public static final String DEFAULT_FOLDER = "Business Central";
}

package com.contactsync.orchestrator.users;

import jakarta.validation.constraints.Size;
import java.util.Map;

/** The writable part of a setup; absent values take the product's defaults. */
record SetupRequest(Boolean enabled, @Size(min = 1, max = 255) String folderName, Map<String, String> filter,
                    Boolean realtime) {
}

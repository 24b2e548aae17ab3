package com.contactsync.gateway.commands;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Creates whose outcome is unknown (5xx, timeout, no answer) and not yet cleared up by a look-up: the next create of
 * the same contact in the same mailbox looks up its tag first (S12). In memory only; after a restart, commands Kafka
 * delivers again are treated as suspect instead (see {@link CommandOffsets#possiblyRedelivered}).
 */
@Component
class CreateSuspects {

    /** Enough for every contact of many full syncs failing at once; the oldest are forgotten first. */
    private static final int CAPACITY = 100_000;

    private final Map<String, Boolean> suspects = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    });

    void add(String mailbox, String contactNo) {
        suspects.put(key(mailbox, contactNo), Boolean.TRUE);
    }

    void clear(String mailbox, String contactNo) {
        suspects.remove(key(mailbox, contactNo));
    }

    boolean contains(String mailbox, String contactNo) {
        return suspects.containsKey(key(mailbox, contactNo));
    }

    private static String key(String mailbox, String contactNo) {
        return mailbox.toLowerCase(Locale.ROOT) + "\n" + contactNo;
    }
}

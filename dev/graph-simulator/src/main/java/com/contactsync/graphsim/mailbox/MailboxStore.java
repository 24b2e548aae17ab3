package com.contactsync.graphsim.mailbox;

import com.contactsync.graphsim.error.GraphException;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/** All mailboxes, found by user id or user principal name (case-insensitive, as Graph does). */
@Component
public class MailboxStore {

    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, Mailbox> byUpn = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Mailbox> byId = new ConcurrentHashMap<>();

    /** The mailbox of {@code upn}, created when missing; {@code created} tells which. */
    public Provisioned provision(String upn) {
        boolean[] created = {false};
        Mailbox mailbox = byUpn.computeIfAbsent(key(upn), k -> {
            created[0] = true;
            Mailbox fresh = new Mailbox(UUID.randomUUID().toString(), upn, clock);
            byId.put(key(fresh.id()), fresh);
            return fresh;
        });
        return new Provisioned(mailbox, created[0]);
    }

    /** @throws GraphException 404 {@code ErrorInvalidUser} for a user without a mailbox */
    public Mailbox mailbox(String idOrUpn) {
        String key = key(idOrUpn);
        Mailbox mailbox = byUpn.get(key);
        if (mailbox == null) {
            mailbox = byId.get(key);
        }
        if (mailbox == null) {
            throw GraphException.invalidUser(idOrUpn);
        }
        return mailbox;
    }

    public void reset() {
        byUpn.clear();
        byId.clear();
    }

    private static String key(String user) {
        return user.toLowerCase(Locale.ROOT);
    }

    public record Provisioned(Mailbox mailbox, boolean created) {
    }
}

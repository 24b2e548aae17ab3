package com.contactsync.graphsim.mailbox;

import com.contactsync.graphsim.GraphSimProperties;
import com.contactsync.graphsim.error.GraphException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** All mailboxes, found by user id or user principal name (case-insensitive, as Graph does). */
@Component
public class MailboxStore {

    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, Mailbox> byUpn = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Mailbox> byId = new ConcurrentHashMap<>();
    private final Mailbox.Policy defaultPolicy;

    public MailboxStore(GraphSimProperties properties) {
        this.defaultPolicy = new Mailbox.Policy(false, properties.deltaTokenLifetime());
    }

    /**
     * The mailbox of {@code upn}, created when missing ({@code created} tells which), with {@code policy} applied to
     * its current policy.
     */
    public Provisioned provision(String upn, UnaryOperator<Mailbox.Policy> policy) {
        boolean[] created = {false};
        Mailbox mailbox = byUpn.computeIfAbsent(key(upn), k -> {
            created[0] = true;
            Mailbox fresh = new Mailbox(UUID.randomUUID().toString(), upn, clock, defaultPolicy);
            byId.put(key(fresh.id()), fresh);
            return fresh;
        });
        mailbox.policy(policy.apply(mailbox.policy()));
        return new Provisioned(mailbox, created[0]);
    }

    /**
     * The mailbox Graph serves to this application.
     *
     * @throws GraphException 404 {@code ErrorInvalidUser} for a user without a mailbox, 403 {@code ErrorAccessDenied}
     *     when an access policy keeps the application out
     */
    public Mailbox mailbox(String idOrUpn) {
        Mailbox mailbox = find(idOrUpn);
        if (mailbox == null) {
            throw GraphException.invalidUser(idOrUpn);
        }
        if (mailbox.policy().accessDenied()) {
            throw GraphException.accessDenied();
        }
        return mailbox;
    }

    /** The mailbox of a user id or principal name, whatever its policy; null when there is none. */
    public Mailbox find(String idOrUpn) {
        String key = key(idOrUpn);
        Mailbox mailbox = byUpn.get(key);
        return mailbox != null ? mailbox : byId.get(key);
    }

    /** The mailbox a Graph request path ({@code /v1.0/users/{id|upn}/...}) addresses; null for none or an unknown one. */
    public Mailbox addressedBy(String rawPath) {
        String[] segments = rawPath.split("/", 5);
        if (segments.length < 4 || !segments[1].equals("v1.0") || !segments[2].equals("users") || segments[3].isEmpty()) {
            return null;
        }
        return find(UriUtils.decode(segments[3], StandardCharsets.UTF_8));
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

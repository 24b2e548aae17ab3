package com.contactsync.graphsim.graph;

import com.contactsync.graphsim.auth.ProcessKey;
import com.contactsync.graphsim.error.GraphException;
import com.contactsync.graphsim.mailbox.Mailbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state of a delta round, carried in {@code $skiptoken} and {@code $deltatoken} as Graph carries it: the client
 * keeps it, the server keeps nothing but the mailbox's change sequence. Signed with a per-process key, so a token
 * the simulator did not issue (or issued before a restart) is unknown to it.
 */
@Component
class DeltaTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final ProcessKey key = new ProcessKey();
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    DeltaTokens(JsonMapper json) {
        this.json = json;
    }

    /**
     * Where a round stands.
     *
     * @param after the change number of the last change already returned in this round (at first, the number the
     *     round starts after)
     * @param upTo the change number the round ends at, fixed when it starts
     * @param removals whether deletions are reported (not in the first round)
     * @param select the {@code $select} of the round's first request, which every later page keeps
     * @param issuedAt when the token holding this state was written (epoch milliseconds)
     */
    record State(String mailboxId, String folderId, long after, long upTo, boolean removals, List<String> select, long issuedAt) {

        /** The round a delta link starts: everything after the previous round's end. */
        State nextRound(long currentSequence) {
            return new State(mailboxId, folderId, upTo, currentSequence, true, select, issuedAt);
        }

        /** The same round, with the changes up to {@code cursor} returned. */
        State readUpTo(long cursor) {
            return new State(mailboxId, folderId, cursor, upTo, removals, select, issuedAt);
        }
    }

    State first(Mailbox mailbox, String folderId, List<String> select) {
        return new State(mailbox.id(), folderId, 0, mailbox.sequence(), false, select, 0);
    }

    String write(State state) {
        State issued = new State(state.mailboxId(), state.folderId(), state.after(), state.upTo(), state.removals(), state.select(),
                clock.millis());
        String payload = ENCODER.encodeToString(json.writeValueAsBytes(issued));
        return payload + "." + ENCODER.encodeToString(key.sign(payload));
    }

    /**
     * @param freshLink the delta request that starts over, for the {@code Location} Graph sends with a 410
     * @throws GraphException 410 {@code resyncRequired} for a token the simulator cannot read, 410
     *     {@code syncStateNotFound} for one of another mailbox or folder or older than the mailbox's delta token lifetime
     */
    State read(String token, Mailbox mailbox, String folderId, String freshLink) {
        State state = decode(token);
        if (state == null) {
            throw gone("resyncRequired", "Resync required. Replace any local cached data with a full synchronization using the "
                    + "delta function, and use the new deltaLink.", freshLink);
        }
        Instant expires = Instant.ofEpochMilli(state.issuedAt()).plus(mailbox.policy().deltaTokenLifetime());
        boolean foreign = !state.mailboxId().equals(mailbox.id()) || !state.folderId().equals(folderId);
        if (foreign || !clock.instant().isBefore(expires)) {
            throw gone("syncStateNotFound", "The sync state generation is not found. The delta token is expired and data must be "
                    + "synchronized again.", freshLink);
        }
        return state;
    }

    private State decode(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return null;
        }
        try {
            String payload = token.substring(0, dot);
            if (!key.signed(payload, Base64.getUrlDecoder().decode(token.substring(dot + 1)))) {
                return null;
            }
            return json.readValue(Base64.getUrlDecoder().decode(payload), State.class);
        } catch (IllegalArgumentException | JacksonException e) {
            return null;
        }
    }

    private static GraphException gone(String code, String message, String freshLink) {
        return new GraphException(HttpStatus.GONE, code, message, Map.of("Location", freshLink));
    }
}

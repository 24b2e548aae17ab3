package com.contactsync.graphsim.mailbox;

import com.contactsync.graphsim.error.GraphException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** Item ids and change keys shaped like Exchange's, so clients meet the same characters ({@code -_=+/}) as in production. */
final class Ids {

    private static final String ITEM_PREFIX = "AAMkA";

    private Ids() {
    }

    /** URL-safe base64 with padding, like Exchange item ids. */
    static String newItemId() {
        return ITEM_PREFIX + Base64.getUrlEncoder().encodeToString(randomBytes(32));
    }

    /** Standard base64, like Exchange change keys (which may hold {@code +} and {@code /}). */
    static String newChangeKey() {
        return Base64.getEncoder().encodeToString(randomBytes(24));
    }

    /** @throws GraphException 400 {@code ErrorInvalidIdMalformed} for anything this simulator cannot have issued */
    static void requireWellFormed(String id) {
        if (!id.startsWith(ITEM_PREFIX)) {
            throw GraphException.malformedId();
        }
        try {
            Base64.getUrlDecoder().decode(id.substring(ITEM_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw GraphException.malformedId();
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}

package com.contactsync.graphsim.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A random HMAC-SHA256 key that lives as long as the process: what it signed is recognised without being stored,
 * and nothing signed by another process (or an earlier run) passes.
 */
public final class ProcessKey {

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key = new byte[32];

    public ProcessKey() {
        new SecureRandom().nextBytes(key);
    }

    public byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(content.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public boolean signed(String content, byte[] signature) {
        return MessageDigest.isEqual(signature, sign(content));
    }
}

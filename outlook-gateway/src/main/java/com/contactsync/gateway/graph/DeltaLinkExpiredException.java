package com.contactsync.gateway.graph;

/** Graph refused a delta (or next) link: expired, unknown to it, or of another folder. Only a full read helps. */
public class DeltaLinkExpiredException extends RuntimeException {

    DeltaLinkExpiredException(String message, Throwable cause) {
        super(message, cause);
    }
}

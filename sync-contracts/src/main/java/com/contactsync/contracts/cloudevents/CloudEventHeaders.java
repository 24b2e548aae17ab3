package com.contactsync.contracts.cloudevents;

/** Kafka header names of CloudEvents binary mode and of the system's dead letters. */
public final class CloudEventHeaders {

    public static final String SPECVERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPECVERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    /** On a dead letter: why the record was refused, for a person. */
    public static final String ERROR_REASON = "x-error-reason";
    /** On a dead letter: the kind of failure (the exception class), for tooling. */
    public static final String ERROR_CLASS = "x-error-class";

    private CloudEventHeaders() {
    }
}

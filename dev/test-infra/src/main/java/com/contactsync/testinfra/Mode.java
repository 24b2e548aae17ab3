package com.contactsync.testinfra;

/** Where the Kafka broker and the PostgreSQL server of a test JVM come from. */
public enum Mode {
    /** In-process KRaft broker and a zonky PostgreSQL 15 child process: no Docker needed. */
    EMBEDDED,
    /** {@code apache/kafka} and {@code postgres:15} containers. */
    TESTCONTAINERS,
    /** Servers named by {@code CONTACTSYNC_KAFKA_BOOTSTRAP} and {@code CONTACTSYNC_JDBC_URL}. */
    EXTERNAL
}

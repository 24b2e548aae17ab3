package com.contactsync.contracts.events;

/** How much a sync run compares (SYNC-SPEC S4 and S5). */
public enum SyncMode {
    INCREMENTAL,
    FULL
}

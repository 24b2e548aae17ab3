package com.contactsync.testinfra;

/**
 * A started server: where to reach it and how to stop it.
 *
 * @param endpoint what clients need to connect
 * @param stopper  stops the server
 */
record Running<T>(T endpoint, AutoCloseable stopper) {
}

package com.contactsync.testinfra;

/**
 * A database of its own on the test PostgreSQL server, created by {@link Infrastructure#newDatabase(String)}.
 *
 * @param name     the database name, {@code <prefix>_<unique suffix>}
 * @param jdbcUrl  JDBC URL of this database
 * @param username user that owns it (a superuser on embedded and container servers)
 * @param password that user's password; empty where the server does not ask for one
 */
public record Database(String name, String jdbcUrl, String username, String password) {
}

package com.contactsync.sandbox;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** PostgreSQL 15 from zonky's embedded binaries, with one database per service that has one. */
final class Postgres implements AutoCloseable {

    static final String USER = "postgres";
    /** Trust authentication: any password is accepted; the services are given this one. */
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private Postgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static Postgres start(Path dataDir, Path log, int port, List<String> databases) {
        Path pgData = dataDir.resolve("postgres");
        Postgres started = null;
        try {
            started = new Postgres(EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(pgData)
                    // The launcher removes the whole data directory itself, unless asked to keep it
                    .setCleanDataDirectory(false)
                    // The launcher stops PostgreSQL itself, after the services that use it
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start(), pgData);
            started.createDatabases(databases);
            return started;
        } catch (IOException | SQLException | RuntimeException e) {
            if (started != null) {
                started.close();
            }
            throw new StartupFailure("postgres", log, "failed to start: " + e, e);
        }
    }

    /** The postmaster's pid, from the file PostgreSQL keeps in its data directory. */
    long pid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Idempotent, so that a data directory kept with --keep-data can be started again. */
    private void createDatabases(List<String> databases) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
             Statement create = c.createStatement()) {
            for (String database : databases) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

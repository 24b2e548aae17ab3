package com.contactsync.testinfra;

import static com.contactsync.testinfra.ModeSelection.JDBC_PASSWORD;
import static com.contactsync.testinfra.ModeSelection.JDBC_URL;
import static com.contactsync.testinfra.ModeSelection.JDBC_USER;
import static com.contactsync.testinfra.ModeSelection.KAFKA_BOOTSTRAP;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** External mode, with the settings pointing at the JVM's shared servers as if they were someone else's. */
class ExternalModeTest extends InfrastructureContract {

    private static final String ALL_DATABASES = "SELECT datname FROM pg_database";

    @Override
    Mode mode() {
        return Mode.EXTERNAL;
    }

    @Override
    Infrastructure startOwn(Infrastructure shared) {
        return Infrastructure.start(settingsPointingAt(shared)::get, () -> {
            throw new AssertionError("Docker was probed although external settings are given");
        });
    }

    @Test
    void closingDropsTheDatabasesItCreatedAndNoOthers() throws SQLException {
        Infrastructure shared = Infrastructure.get();
        Database kept = shared.newDatabase("kept");
        Infrastructure external = Infrastructure.start(settingsPointingAt(shared)::get, () -> false);
        Database created = external.newDatabase("dropped");
        assertThat(Sql.column(kept, ALL_DATABASES)).contains(created.name());

        external.close();

        assertThat(Sql.column(kept, ALL_DATABASES)).contains(kept.name()).doesNotContain(created.name());
    }

    private static Map<String, String> settingsPointingAt(Infrastructure shared) {
        Database server = shared.newDatabase("external_server");
        return Map.of(
                KAFKA_BOOTSTRAP, shared.kafkaBootstrapServers(),
                JDBC_URL, server.jdbcUrl(),
                JDBC_USER, server.username(),
                JDBC_PASSWORD, server.password());
    }
}

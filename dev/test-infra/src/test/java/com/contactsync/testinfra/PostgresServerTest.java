package com.contactsync.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void databaseUrlReplacesTheDatabaseAndKeepsTheParameters() {
        PostgresServer server = new PostgresServer("jdbc:postgresql://db:5432/postgres?sslmode=require&user=u", "u", "");

        assertThat(server.jdbcUrlFor("orders_1")).isEqualTo("jdbc:postgresql://db:5432/orders_1?sslmode=require&user=u");
    }

    @Test
    void databaseUrlAddsTheDatabaseWhereTheServerUrlNamesNone() {
        assertThat(new PostgresServer("jdbc:postgresql://db:5432", "u", "").jdbcUrlFor("x_1"))
                .isEqualTo("jdbc:postgresql://db:5432/x_1");
        assertThat(new PostgresServer("jdbc:postgresql://db?ssl=true", "u", "").jdbcUrlFor("x_1"))
                .isEqualTo("jdbc:postgresql://db/x_1?ssl=true");
    }

    @Test
    void databaseUrlKeepsEveryHostOfAMultiHostUrl() {
        assertThat(new PostgresServer("jdbc:postgresql://a:5432,b:5433/app", "u", "").jdbcUrlFor("x_1"))
                .isEqualTo("jdbc:postgresql://a:5432,b:5433/x_1");
    }

    @Test
    void locationLeavesOutParametersThatMayCarryAPassword() {
        assertThat(new PostgresServer("jdbc:postgresql://db/app?password=secret", "u", "").location())
                .isEqualTo("jdbc:postgresql://db/app");
    }

    @Test
    void anythingButAPostgresqlUrlIsRejectedShowingTheExpectedForm() {
        assertThatThrownBy(() -> new PostgresServer("jdbc:mysql://db/app", "u", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://host[:port]")
                .hasMessageContaining("jdbc:mysql://db/app");
    }
}

package com.contactsync.testinfra;

/**
 * How to reach a PostgreSQL server as a user that may create databases.
 *
 * @param jdbcUrl  URL of any database on the server; new databases get the same hosts and parameters
 * @param username user for {@code jdbcUrl}
 * @param password that user's password, empty where none is needed
 */
record PostgresServer(String jdbcUrl, String username, String password) {

    private static final String SCHEME = "jdbc:postgresql://";

    PostgresServer {
        if (jdbcUrl == null || !jdbcUrl.startsWith(SCHEME)) {
            throw new IllegalArgumentException(
                    "Expected a JDBC URL of the form jdbc:postgresql://host[:port][,host2...][/database][?parameters], got "
                            + jdbcUrl);
        }
    }

    /** The URL of {@code database} on this server: the same hosts and parameters, another path. */
    String jdbcUrlFor(String database) {
        String withoutQuery = location();
        String parameters = jdbcUrl.substring(withoutQuery.length());
        int path = withoutQuery.indexOf('/', SCHEME.length());
        String hosts = path < 0 ? withoutQuery : withoutQuery.substring(0, path);
        return hosts + "/" + database + parameters;
    }

    /** The URL without its parameters, for messages: parameters may carry a password. */
    String location() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}

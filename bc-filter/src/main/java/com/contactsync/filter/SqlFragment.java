package com.contactsync.filter;

import java.util.List;

/**
 * A filter as a SQL condition for PostgreSQL: {@code where} holds only column references, operators and {@code ?}
 * placeholders, never a value; {@code parameters} are the values for the placeholders in order ({@link String} or
 * {@link Boolean}), for {@code PreparedStatement.setObject} or a {@code JdbcTemplate}.
 */
public record SqlFragment(String where, List<Object> parameters) {

    public SqlFragment {
        parameters = List.copyOf(parameters);
    }
}

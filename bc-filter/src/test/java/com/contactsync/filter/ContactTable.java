package com.contactsync.filter;

import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.testinfra.Database;
import com.contactsync.testinfra.Infrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A table {@code contact} with a column per filterable field, snake_case as in contact-service, on the test
 * PostgreSQL. Columns are unconstrained text so that any generated value and NULL fit.
 */
final class ContactTable implements AutoCloseable {

    private static final List<ContactField> FIELDS = Arrays.asList(ContactField.values());

    private final Connection connection;

    private ContactTable(Connection connection) {
        this.connection = connection;
    }

    /** A fresh database with the table, holding these contacts. */
    static ContactTable create(Infrastructure infrastructure, List<ContactSnapshot> contacts) throws SQLException {
        Database database = infrastructure.newDatabase("filter");
        Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password());
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE contact (" + FIELDS.stream()
                    .map(f -> column(f) + switch (f.kind) {
                        case BOOLEAN -> " BOOLEAN NOT NULL";
                        case CODE, TEXT, OPTION -> f == ContactField.NO ? " TEXT PRIMARY KEY" : " TEXT";
                    })
                    .collect(Collectors.joining(", ")) + ")");
        }
        ContactTable table = new ContactTable(connection);
        table.replaceWith(contacts);
        return table;
    }

    /** The column resolver a caller would pass: {@code companyNo → c.company_no}. */
    static String qualifiedColumn(String field) {
        return "c." + column(ContactField.named(field));
    }

    private static String column(ContactField field) {
        return field.fieldName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    void replaceWith(List<ContactSnapshot> contacts) throws SQLException {
        try (Statement delete = connection.createStatement()) {
            delete.execute("DELETE FROM contact");
        }
        String sql = "INSERT INTO contact (" + FIELDS.stream().map(ContactTable::column)
                .collect(Collectors.joining(", ")) + ") VALUES ("
                + FIELDS.stream().map(f -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (ContactSnapshot contact : contacts) {
                for (int i = 0; i < FIELDS.size(); i++) {
                    Object value = FIELDS.get(i).value.apply(contact);
                    insert.setObject(i + 1, value instanceof ContactType type ? type.name() : value);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Numbers of the contacts the fragment selects. */
    Set<String> select(SqlFragment fragment) throws SQLException {
        return query("SELECT c.no FROM contact c WHERE " + fragment.where(), fragment.parameters());
    }

    /** Numbers of the contacts {@code NOT (fragment)} selects. */
    Set<String> selectNot(SqlFragment fragment) throws SQLException {
        return query("SELECT c.no FROM contact c WHERE NOT (" + fragment.where() + ")", fragment.parameters());
    }

    Set<String> query(String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            Set<String> numbers = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getString(1));
                }
            }
            return numbers;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}

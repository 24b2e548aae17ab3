package com.contactsync.contacts.contacts;

import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.filter.SqlFragment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contacts in PostgreSQL; callers hold the transaction. */
@Repository
class ContactRepository {

    /** Column of each contact field, in the order of {@link ContactSnapshot}'s components. */
    static final Map<String, String> COLUMNS = orderedColumns();

    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS.values()) + " FROM contact";
    private static final String INSERT = "INSERT INTO contact (" + String.join(", ", COLUMNS.values()) + ") VALUES ("
            + String.join(", ", COLUMNS.values().stream().map(column -> "?").toList())
            + ") ON CONFLICT (no) DO NOTHING";
    private static final String UPDATE = "UPDATE contact SET "
            + String.join(", ", COLUMNS.values().stream().skip(1).map(column -> column + " = ?").toList())
            + " WHERE no = ?";

    private final JdbcClient jdbc;

    ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the series CT000001, CT000002, ... that no contact has, or had before it was deleted. */
    String nextNumber() {
        while (true) {
            long n = jdbc.sql("SELECT nextval('contact_no_seq')").query(Long.class).single();
            String no = String.format("CT%06d", n);
            boolean taken = jdbc.sql("""
                    SELECT EXISTS (SELECT 1 FROM contact WHERE no = :no)
                        OR EXISTS (SELECT 1 FROM contact_tombstone WHERE no = :no)""")
                    .param("no", no).query(Boolean.class).single();
            if (!taken) {
                return no;
            }
        }
    }

    Optional<ContactSnapshot> find(String no) {
        return jdbc.sql(SELECT + " WHERE no = ?").param(no).query(ContactRepository::map).optional();
    }

    /** Reads and locks the row, so that concurrent writes of one contact commit, and publish, one after the other. */
    Optional<ContactSnapshot> findForUpdate(String no) {
        return jdbc.sql(SELECT + " WHERE no = ? FOR UPDATE").param(no).query(ContactRepository::map).optional();
    }

    /** Reads and share-locks the row: it cannot change or go while a person is being linked to it. */
    Optional<ContactSnapshot> findForShare(String no) {
        return jdbc.sql(SELECT + " WHERE no = ? FOR SHARE").param(no).query(ContactRepository::map).optional();
    }

    /** The persons of a company, locked, in a fixed order so that two writers never wait for each other in a circle. */
    List<ContactSnapshot> personsOfForUpdate(String companyNo) {
        return jdbc.sql(SELECT + " WHERE company_no = ? AND type = 'PERSON' ORDER BY no FOR UPDATE")
                .param(companyNo).query(ContactRepository::map).list();
    }

    boolean hasPersons(String companyNo) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM contact WHERE company_no = ? AND type = 'PERSON')")
                .param(companyNo).query(Boolean.class).single();
    }

    /** Inserts the contact; false when the number is taken. */
    boolean insert(ContactSnapshot contact) {
        return jdbc.sql(INSERT).params(values(contact)).update() == 1;
    }

    void update(ContactSnapshot contact) {
        List<Object> values = values(contact);
        List<Object> parameters = new ArrayList<>(values.subList(1, values.size()));
        parameters.add(contact.no());
        jdbc.sql(UPDATE).params(parameters).update();
    }

    /** Deletes the contact and keeps its last version, for a later contact of the same number to continue from. */
    void delete(ContactSnapshot contact, Instant at) {
        jdbc.sql("DELETE FROM contact WHERE no = ?").param(contact.no()).update();
        jdbc.sql("""
                INSERT INTO contact_tombstone (no, version, deleted_at) VALUES (?, ?, ?)
                ON CONFLICT (no) DO UPDATE SET version = excluded.version, deleted_at = excluded.deleted_at""")
                .params(contact.no(), contact.version(), Timestamp.from(at))
                .update();
    }

    /** The last version of a deleted contact of this number; 0 if there never was one. */
    long lastVersionOfDeleted(String no) {
        return jdbc.sql("SELECT version FROM contact_tombstone WHERE no = ?").param(no)
                .query(Long.class).optional().orElse(0L);
    }

    /** A page of the contacts that match {@code filter}, in order of {@code no}. */
    List<ContactSnapshot> page(SqlFragment filter, int limit, long offset) {
        List<Object> parameters = new ArrayList<>(filter.parameters());
        parameters.add(limit);
        parameters.add(offset);
        return jdbc.sql(SELECT + " WHERE " + filter.where() + " ORDER BY no LIMIT ? OFFSET ?")
                .params(parameters).query(ContactRepository::map).list();
    }

    long count(SqlFragment filter) {
        return jdbc.sql("SELECT count(*) FROM contact WHERE " + filter.where())
                .params(filter.parameters()).query(Long.class).single();
    }

    private static List<Object> values(ContactSnapshot c) {
        // Arrays.asList, not List.of: empty fields are null.
        return Arrays.asList(c.no(), c.type().name(), c.name(), c.firstName(), c.middleName(),
                c.surname(), c.initials(), c.companyNo(), c.companyName(),
                c.jobTitle(), c.email(), c.email2(), c.phoneNo(),
                c.mobilePhoneNo(), c.faxNo(), c.address(), c.address2(),
                c.city(), c.postCode(), c.county(), c.countryRegionCode(),
                c.homePage(), c.salespersonCode(), c.territoryCode(),
                c.privacyBlocked(), Timestamp.from(c.lastModifiedAt()), c.version());
    }

    private static Map<String, String> orderedColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String field : List.of("no", "type", "name", "firstName", "middleName", "surname", "initials", "companyNo",
                "companyName", "jobTitle", "email", "email2", "phoneNo", "mobilePhoneNo", "faxNo", "address",
                "address2", "city", "postCode", "county", "countryRegionCode", "homePage", "salespersonCode",
                "territoryCode", "privacyBlocked", "lastModifiedAt", "version")) {
            // camelCase field, snake_case column: email2 stays email2, address2 stays address2.
            columns.put(field, field.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableMap(columns);
    }

    private static ContactSnapshot map(ResultSet rs, int row) throws SQLException {
        return new ContactSnapshot(rs.getString("no"), ContactType.valueOf(rs.getString("type")),
                rs.getString("name"), rs.getString("first_name"), rs.getString("middle_name"),
                rs.getString("surname"), rs.getString("initials"), rs.getString("company_no"),
                rs.getString("company_name"), rs.getString("job_title"), rs.getString("email"),
                rs.getString("email2"), rs.getString("phone_no"), rs.getString("mobile_phone_no"),
                rs.getString("fax_no"), rs.getString("address"), rs.getString("address2"), rs.getString("city"),
                rs.getString("post_code"), rs.getString("county"), rs.getString("country_region_code"),
                rs.getString("home_page"), rs.getString("salesperson_code"), rs.getString("territory_code"),
                rs.getBoolean("privacy_blocked"), rs.getTimestamp("last_modified_at").toInstant(),
                rs.getLong("version"));
    }
}

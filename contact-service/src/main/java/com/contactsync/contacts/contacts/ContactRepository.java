package com.contactsync.contacts.contacts;

import com.contactsync.contracts.events.ContactFields;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Contacts in PostgreSQL; callers hold the transaction. */
@Repository
class ContactRepository {

    private static final String COLUMNS = """
            no, type, name, first_name, middle_name, surname, initials, company_no, company_name, job_title,
            email, email2, phone_no, mobile_phone_no, fax_no, address, address2, city, post_code, county,
            country_region_code, home_page, salesperson_code, territory_code, privacy_blocked, last_modified_at,
            version""";

    private final JdbcClient jdbc;

    ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next unused number of the series CT000001, CT000002, ...; skips numbers a caller chose itself. */
    String nextNumber() {
        while (true) {
            long n = jdbc.sql("SELECT nextval('contact_no_seq')").query(Long.class).single();
            String no = String.format("CT%06d", n);
            if (find(no).isEmpty()) {
                return no;
            }
        }
    }

    Optional<ContactSnapshot> find(String no) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact WHERE no = ?")
                .param(no)
                .query(ContactRepository::map)
                .optional();
    }

    /** Reads and locks the row, so that concurrent writes of one contact commit, and publish, one after the other. */
    Optional<ContactSnapshot> findForUpdate(String no) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact WHERE no = ? FOR UPDATE")
                .param(no)
                .query(ContactRepository::map)
                .optional();
    }

    /** Inserts the contact; false when the number is taken. */
    boolean insert(ContactSnapshot c) {
        return jdbc.sql("INSERT INTO contact (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (no) DO NOTHING")
                .params(c.no(), c.type().name(), c.name(), c.firstName(), c.middleName(), c.surname(), c.initials(),
                        c.companyNo(), c.companyName(), c.jobTitle(), c.email(), c.email2(), c.phoneNo(),
                        c.mobilePhoneNo(), c.faxNo(), c.address(), c.address2(), c.city(), c.postCode(), c.county(),
                        c.countryRegionCode(), c.homePage(), c.salespersonCode(), c.territoryCode(),
                        c.privacyBlocked(), Timestamp.from(c.lastModifiedAt()), c.version())
                .update() == 1;
    }

    static ContactSnapshot snapshot(String no, ContactFields f, String name, Instant at, long version) {
        return new ContactSnapshot(no, f.type(), name, f.firstName(), f.middleName(), f.surname(), f.initials(),
                f.companyNo(), f.companyName(), f.jobTitle(), f.email(), f.email2(), f.phoneNo(), f.mobilePhoneNo(),
                f.faxNo(), f.address(), f.address2(), f.city(), f.postCode(), f.county(), f.countryRegionCode(),
                f.homePage(), f.salespersonCode(), f.territoryCode(), Boolean.TRUE.equals(f.privacyBlocked()), at,
                version);
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

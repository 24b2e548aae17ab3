package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.events.ContactFields;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.contracts.events.OutlookContact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The field mapping of SYNC-SPEC, both ways. */
public final class FieldMapping {

    private FieldMapping() {
    }

    /** A contact read from Outlook as BC fields, and the values cut to BC's lengths (each named for the report). */
    public record Imported(ContactFields fields, List<String> cuts) {
    }

    public static OutlookContact toOutlook(ContactSnapshot c) {
        List<OutlookContact.EmailAddress> emails = new ArrayList<>();
        if (hasText(c.email())) {
            emails.add(new OutlookContact.EmailAddress(c.name(), c.email()));
        }
        if (hasText(c.email2())) {
            emails.add(new OutlookContact.EmailAddress(c.name(), c.email2()));
        }
        List<String> phones = hasText(c.phoneNo()) ? List.of(c.phoneNo()) : List.of();
        return new OutlookContact(c.name(), c.firstName(), c.middleName(), c.surname(), c.initials(), emails,
                c.companyName(), c.jobTitle(), phones, c.mobilePhoneNo(),
                new OutlookContact.PhysicalAddress(street(c), c.city(), c.county(), c.postCode(), c.countryRegionCode()),
                c.homePage());
    }

    /** The e-mail address S6 and S8 go by: the first one, compared without case. */
    public static String primaryEmail(OutlookContact c) {
        if (c.emailAddresses() == null) {
            return null;
        }
        return c.emailAddresses().stream()
                .map(OutlookContact.EmailAddress::address)
                .filter(FieldMapping::hasText)
                .map(a -> a.strip().toLowerCase(Locale.ROOT))
                .findFirst().orElse(null);
    }

    /** The name S6 requires: the display name, or else given name and surname. */
    public static String name(OutlookContact c) {
        if (hasText(c.displayName())) {
            return c.displayName().strip();
        }
        String joined = Stream.of(c.givenName(), c.surname())
                .filter(FieldMapping::hasText).map(String::strip).collect(Collectors.joining(" "));
        return joined.isEmpty() ? null : joined;
    }

    /** S6: a contact typed into Outlook as a BC person; values longer than BC's fields are cut and reported. */
    public static Imported toBc(OutlookContact c) {
        List<String> cuts = new ArrayList<>();
        List<String> addresses = c.emailAddresses() == null ? List.of() : c.emailAddresses().stream()
                .map(OutlookContact.EmailAddress::address).filter(FieldMapping::hasText).map(String::strip).toList();
        OutlookContact.PhysicalAddress a = c.businessAddress() == null
                ? new OutlookContact.PhysicalAddress(null, null, null, null, null) : c.businessAddress();
        String[] street = a.street() == null ? new String[0] : a.street().replace("\r\n", "\n").split("\n", 2);
        ContactFields fields = new ContactFields(null, ContactType.PERSON,
                cut("name", name(c), 100, cuts),
                cut("firstName", c.givenName(), 30, cuts),
                cut("middleName", c.middleName(), 30, cuts),
                cut("surname", c.surname(), 30, cuts),
                cut("initials", c.initials(), 30, cuts),
                null,
                cut("companyName", c.companyName(), 100, cuts),
                cut("jobTitle", c.jobTitle(), 30, cuts),
                addresses.isEmpty() ? null : addresses.get(0),
                addresses.size() < 2 ? null : addresses.get(1),
                cut("phoneNo", c.businessPhones() == null || c.businessPhones().isEmpty() ? null
                        : c.businessPhones().get(0), 30, cuts),
                cut("mobilePhoneNo", c.mobilePhone(), 30, cuts),
                null,
                cut("address", street.length > 0 ? street[0] : null, 100, cuts),
                cut("address2", street.length > 1 ? street[1] : null, 50, cuts),
                cut("city", a.city(), 30, cuts),
                cut("postCode", a.postalCode(), 20, cuts),
                cut("county", a.state(), 30, cuts),
                cut("countryRegionCode", a.countryOrRegion(), 10, cuts),
                cut("homePage", c.businessHomePage(), 80, cuts),
                null, null, false);
        return new Imported(fields, List.copyOf(cuts));
    }

    private static String cut(String field, String value, int max, List<String> cuts) {
        if (!hasText(value)) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() <= max) {
            return stripped;
        }
        cuts.add(field + " cut to " + max + " characters");
        return stripped.substring(0, max);
    }

    private static String street(ContactSnapshot c) {
        if (hasText(c.address()) && hasText(c.address2())) {
            return c.address() + "\n" + c.address2();
        }
        return hasText(c.address()) ? c.address() : c.address2();
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

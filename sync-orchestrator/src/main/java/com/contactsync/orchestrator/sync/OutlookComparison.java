package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.OutlookContact;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * When two versions of a contact's mapped fields count as the same: Outlook and Graph drop empty values and keep
 * e-mail addresses in any case, so those differences must not cause a write.
 */
public final class OutlookComparison {

    private OutlookComparison() {
    }

    public static boolean same(OutlookContact a, OutlookContact b) {
        return canonical(a).equals(canonical(b));
    }

    /** A short fingerprint of the canonical form, stored with a link as what was last written. */
    public static String hash(OutlookContact contact) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(EventJson.write(canonical(contact)));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static OutlookContact canonical(OutlookContact c) {
        List<OutlookContact.EmailAddress> emails = c.emailAddresses() == null ? List.of()
                : c.emailAddresses().stream()
                        .map(OutlookContact.EmailAddress::address)
                        .map(OutlookComparison::text)
                        .filter(a -> a != null)
                        .map(a -> new OutlookContact.EmailAddress(null, a.toLowerCase(Locale.ROOT)))
                        .toList();
        List<String> phones = c.businessPhones() == null ? List.of()
                : c.businessPhones().stream().map(OutlookComparison::text).filter(p -> p != null).toList();
        OutlookContact.PhysicalAddress a = c.businessAddress();
        OutlookContact.PhysicalAddress address = a == null ? null : new OutlookContact.PhysicalAddress(
                text(a.street()), text(a.city()), text(a.state()), text(a.postalCode()), text(a.countryOrRegion()));
        if (address != null && address.equals(new OutlookContact.PhysicalAddress(null, null, null, null, null))) {
            address = null;
        }
        return new OutlookContact(text(c.displayName()), text(c.givenName()), text(c.middleName()), text(c.surname()),
                text(c.initials()), emails, text(c.companyName()), text(c.jobTitle()), phones, text(c.mobilePhone()),
                address, text(c.businessHomePage()));
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        // Outlook stores line breaks as CRLF; BC's address lines are joined with LF.
        String normalised = value.replace("\r\n", "\n").strip();
        return normalised.isEmpty() ? null : normalised;
    }
}

package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.OutlookContact;
import java.util.ArrayList;
import java.util.List;

/** The field mapping of SYNC-SPEC, BC contact → Outlook contact. */
public final class FieldMapping {

    private FieldMapping() {
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

    private static String street(ContactSnapshot c) {
        if (hasText(c.address()) && hasText(c.address2())) {
            return c.address() + "\n" + c.address2();
        }
        return hasText(c.address()) ? c.address() : c.address2();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}

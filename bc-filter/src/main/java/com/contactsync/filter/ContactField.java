package com.contactsync.filter;

import com.contactsync.contracts.events.ContactSnapshot;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The contact fields a filter can name, with Business Central's type for each. {@code lastModifiedAt} and
 * {@code version} are left out: they are bookkeeping, and BC's date filters (work date, periods, tokens) are a
 * language of their own.
 */
enum ContactField {
    NO("no", Kind.CODE, ContactSnapshot::no),
    TYPE("type", Kind.OPTION, ContactSnapshot::type),
    NAME("name", Kind.TEXT, ContactSnapshot::name),
    FIRST_NAME("firstName", Kind.TEXT, ContactSnapshot::firstName),
    MIDDLE_NAME("middleName", Kind.TEXT, ContactSnapshot::middleName),
    SURNAME("surname", Kind.TEXT, ContactSnapshot::surname),
    INITIALS("initials", Kind.TEXT, ContactSnapshot::initials),
    COMPANY_NO("companyNo", Kind.CODE, ContactSnapshot::companyNo),
    COMPANY_NAME("companyName", Kind.TEXT, ContactSnapshot::companyName),
    JOB_TITLE("jobTitle", Kind.TEXT, ContactSnapshot::jobTitle),
    EMAIL("email", Kind.TEXT, ContactSnapshot::email),
    EMAIL2("email2", Kind.TEXT, ContactSnapshot::email2),
    PHONE_NO("phoneNo", Kind.TEXT, ContactSnapshot::phoneNo),
    MOBILE_PHONE_NO("mobilePhoneNo", Kind.TEXT, ContactSnapshot::mobilePhoneNo),
    FAX_NO("faxNo", Kind.TEXT, ContactSnapshot::faxNo),
    ADDRESS("address", Kind.TEXT, ContactSnapshot::address),
    ADDRESS2("address2", Kind.TEXT, ContactSnapshot::address2),
    CITY("city", Kind.TEXT, ContactSnapshot::city),
    POST_CODE("postCode", Kind.CODE, ContactSnapshot::postCode),
    COUNTY("county", Kind.TEXT, ContactSnapshot::county),
    COUNTRY_REGION_CODE("countryRegionCode", Kind.CODE, ContactSnapshot::countryRegionCode),
    HOME_PAGE("homePage", Kind.TEXT, ContactSnapshot::homePage),
    SALESPERSON_CODE("salespersonCode", Kind.CODE, ContactSnapshot::salespersonCode),
    TERRITORY_CODE("territoryCode", Kind.CODE, ContactSnapshot::territoryCode),
    PRIVACY_BLOCKED("privacyBlocked", Kind.BOOLEAN, ContactSnapshot::privacyBlocked);

    /** Business Central's data types, as far as filtering tells them apart. */
    enum Kind {
        /** Upper-case text: BC upper-cases the filter's values before comparing. */
        CODE,
        TEXT,
        /** An enum; values by name, ordered as BC declares them. */
        OPTION,
        BOOLEAN
    }

    final String fieldName;
    final Kind kind;
    final Function<ContactSnapshot, Object> value;

    ContactField(String fieldName, Kind kind, Function<ContactSnapshot, Object> value) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.value = value;
    }

    static ContactField named(String name) {
        return Arrays.stream(values()).filter(f -> f.fieldName.equals(name)).findFirst()
                .orElseThrow(() -> new FilterException(name, FilterException.NO_POSITION, unknown(name)));
    }

    private static String unknown(String name) {
        Optional<ContactField> differentCase = Arrays.stream(values())
                .filter(f -> f.fieldName.equalsIgnoreCase(name)).findFirst();
        return differentCase.map(f -> "unknown field '" + name + "'; did you mean '" + f.fieldName + "'?")
                .orElseGet(() -> "unknown field '" + name + "'; filters can name "
                        + Arrays.stream(values()).map(f -> f.fieldName).collect(Collectors.joining(", ")));
    }
}

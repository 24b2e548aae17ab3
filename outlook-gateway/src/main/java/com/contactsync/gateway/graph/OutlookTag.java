package com.contactsync.gateway.graph;

/** How a contact the system wrote is marked in Outlook, so links can be rebuilt from the mailbox alone (DESIGN.md). */
public final class OutlookTag {

    public static final String CATEGORY = "Business Central";
    /** A MAPI named string property in the system's own property set: the BC contact {@code no}. */
    public static final String BC_CONTACT_NO = "String {5f1d3c8e-7a2b-4c1e-9d4a-2b6e8f0a1c37} Name BcContactNo";
    /** Beside it, on contacts a person typed that the system adopted: the link's origin ({@code OUTLOOK}). */
    public static final String BC_LINK_ORIGIN = "String {5f1d3c8e-7a2b-4c1e-9d4a-2b6e8f0a1c37} Name BcLinkOrigin";

    /** {@code $expand} that reads both tags and nothing else of a contact's extended properties. */
    static final String EXPAND_TAGS = "singleValueExtendedProperties($filter=id eq " + OData.literal(BC_CONTACT_NO)
            + " or id eq " + OData.literal(BC_LINK_ORIGIN) + ")";

    private OutlookTag() {
    }

    /** {@code $filter} for the contacts tagged with {@code contactNo}. */
    static String taggedWith(String contactNo) {
        return "singleValueExtendedProperties/Any(ep: ep/id eq " + OData.literal(BC_CONTACT_NO) + " and ep/value eq "
                + OData.literal(contactNo) + ")";
    }
}

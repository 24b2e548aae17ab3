package com.contactsync.gateway.graph;

/** How a contact the system wrote is marked in Outlook, so links can be rebuilt from the mailbox alone (DESIGN.md). */
public final class OutlookTag {

    public static final String CATEGORY = "Business Central";
    /** A MAPI named string property in the system's own property set. */
    public static final String BC_CONTACT_NO = "String {5f1d3c8e-7a2b-4c1e-9d4a-2b6e8f0a1c37} Name BcContactNo";

    private OutlookTag() {
    }
}

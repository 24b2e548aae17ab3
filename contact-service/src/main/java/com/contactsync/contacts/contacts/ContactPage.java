package com.contactsync.contacts.contacts;

import com.contactsync.contracts.events.ContactSnapshot;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a contact list, in order of {@code no}. */
@Schema(description = "One page of contacts in order of no, with what a client needs to fetch the others")
record ContactPage(
        @Schema(description = "The contacts of this page") List<ContactSnapshot> items,
        @Schema(description = "This page, counted from 0") int page,
        @Schema(description = "Contacts per page, as asked for") int size,
        @Schema(description = "Contacts that match the filter, on all pages") long totalItems,
        @Schema(description = "Pages of this size that hold them") long totalPages) {
}

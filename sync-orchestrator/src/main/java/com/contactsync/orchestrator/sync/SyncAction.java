package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.events.ContactFields;
import com.contactsync.contracts.events.LinkOrigin;
import com.contactsync.contracts.events.OutlookContact;
import java.util.List;

/** One step that brings a user's folder, links or BC in line with the sync rules; the planner's output. */
public sealed interface SyncAction {

    /** Write a new tagged Outlook contact (S1), or write it again after it was deleted in Outlook (S7). */
    record Create(String contactNo, OutlookContact contact, boolean recreate) implements SyncAction {
    }

    /**
     * Overwrite the mapped fields of a linked Outlook contact with BC's (S2), and write its tags: {@code BcContactNo},
     * and {@code BcLinkOrigin} when {@code origin} is {@code OUTLOOK}.
     */
    record Update(String contactNo, String outlookId, OutlookContact contact, LinkOrigin origin) implements SyncAction {
    }

    /**
     * Delete an Outlook contact the system links or tagged (S9, S10, S12 clean-up); never anything else (S11).
     *
     * @param contactNo the BC contact it was linked to
     */
    record Delete(String contactNo, String outlookId, String reason) implements SyncAction {
    }

    /** Record a link found in the folder: by tag (links rebuilt from the mailbox) or by e-mail (S8). */
    record Adopt(String contactNo, String outlookId, LinkOrigin origin) implements SyncAction {
    }

    /** Forget a link, leaving the Outlook contact where it is (S10 for contacts a person typed). */
    record Unlink(String contactNo, String reason) implements SyncAction {
    }

    /**
     * Ask contact-service to create a BC contact from one typed into Outlook (S6); {@code cuts} lists the values
     * that were longer than BC allows and were cut.
     */
    record Import(String outlookId, ContactFields fields, List<String> cuts) implements SyncAction {
    }

    /** Leave an Outlook contact alone and say why (S6 without name or e-mail, S8 duplicates). */
    record Skip(String outlookId, String reason) implements SyncAction {
    }
}

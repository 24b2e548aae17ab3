package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.events.LinkOrigin;

/**
 * A user's link between a BC contact and the Outlook contact that mirrors it.
 *
 * @param outlookId null while the create is on its way (a create command was sent, its outcome not yet known)
 * @param origin who made the Outlook contact: the system (BC) or a person typing into Outlook (OUTLOOK)
 * @param writtenHash {@link OutlookComparison#hash} of the mapped fields last written, so that a BC change that
 *                    does not change what Outlook shows costs no Graph write
 */
public record Link(String contactNo, String outlookId, LinkOrigin origin, String writtenHash) {

    public boolean pending() {
        return outlookId == null;
    }
}

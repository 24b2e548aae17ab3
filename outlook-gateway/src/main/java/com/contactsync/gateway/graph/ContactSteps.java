package com.contactsync.gateway.graph;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.users.item.contactfolders.item.contacts.ContactsRequestBuilder;

/**
 * The {@code $batch} steps on the contacts of one folder, built with the SDK's request builders. Updates and
 * deletes address the contact inside the folder, so a contact the user moved elsewhere is not found there and nothing
 * outside the folder is ever touched (S11).
 */
public final class ContactSteps {

    private final ContactsRequestBuilder contacts;

    private ContactSteps(ContactsRequestBuilder contacts) {
        this.contacts = contacts;
    }

    public static ContactSteps in(MailboxSession session, String folderId) {
        return new ContactSteps(session.user().contactFolders().byContactFolderId(folderId).contacts());
    }

    /** Not idempotent: a create whose outcome is unknown must be looked up before it is sent again (S12). */
    public BatchStep create(String id, Contact contact) {
        return new BatchStep(id, GraphOperation.CONTACT_CREATE, contacts.toPostRequestInformation(contact), false, Contact::createFromDiscriminatorValue);
    }

    public BatchStep update(String id, String outlookId, Contact patch) {
        return new BatchStep(id, GraphOperation.CONTACT_UPDATE, contacts.byContactId(outlookId).toPatchRequestInformation(patch), true, Contact::createFromDiscriminatorValue);
    }

    public BatchStep delete(String id, String outlookId) {
        return new BatchStep(id, GraphOperation.CONTACT_DELETE, contacts.byContactId(outlookId).toDeleteRequestInformation(), true, null);
    }

    /** The contacts of the folder tagged with {@code contactNo} (normally one, none when it was never created). */
    public BatchStep lookup(String id, String contactNo) {
        return new BatchStep(id, GraphOperation.CONTACT_LOOKUP, contacts.toGetRequestInformation(request -> {
            request.queryParameters.filter = OutlookTag.taggedWith(contactNo);
            request.queryParameters.select = new String[] {"id", "changeKey"};
        }), true, ContactCollectionResponse::createFromDiscriminatorValue);
    }

    /** The categories of one contact of the folder: what a person gave it, kept when the system adopts it. */
    public BatchStep categories(String id, String outlookId) {
        return new BatchStep(id, GraphOperation.CONTACT_GET, contacts.byContactId(outlookId).toGetRequestInformation(request ->
                request.queryParameters.select = new String[] {"id", "categories"}), true, Contact::createFromDiscriminatorValue);
    }

    /** The tags of one contact of the folder. */
    public BatchStep tags(String id, String outlookId) {
        return new BatchStep(id, GraphOperation.CONTACT_GET, contacts.byContactId(outlookId).toGetRequestInformation(request -> {
            request.queryParameters.select = new String[] {"id"};
            request.queryParameters.expand = new String[] {OutlookTag.EXPAND_TAGS};
        }), true, Contact::createFromDiscriminatorValue);
    }
}

package com.contactsync.system;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.users.item.contactfolders.item.contacts.ContactsRequestBuilder;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The test's own view of a mailbox: the official Graph SDK reading the simulator over HTTP, as an Outlook client
 * would see it, independent of the gateway's code.
 */
final class Outlook {

    static final String BC_CONTACT_NO = "String {5f1d3c8e-7a2b-4c1e-9d4a-2b6e8f0a1c37} Name BcContactNo";

    private final GraphServiceClient graph;

    Outlook(GraphServiceClient graph) {
        this.graph = graph;
    }

    Optional<ContactFolder> folder(String mailbox, String displayName) {
        return graph.users().byUserId(mailbox).contactFolders().get(request -> request.queryParameters.filter =
                "displayName eq '" + displayName.replace("'", "''") + "'").getValue().stream().findFirst();
    }

    /** Every contact of the named folder (none if it does not exist), with the {@code BcContactNo} tag expanded. */
    List<Contact> contacts(String mailbox, String folderName) {
        Optional<ContactFolder> folder = folder(mailbox, folderName);
        if (folder.isEmpty()) {
            return List.of();
        }
        ContactsRequestBuilder contacts = graph.users().byUserId(mailbox).contactFolders()
                .byContactFolderId(folder.get().getId()).contacts();
        List<Contact> all = new ArrayList<>();
        ContactCollectionResponse page = contacts.get(request -> {
            request.queryParameters.expand = new String[] {
                    "singleValueExtendedProperties($filter=id eq '" + BC_CONTACT_NO + "')"};
            request.queryParameters.top = 1000;
        });
        all.addAll(page.getValue());
        // Graph pages long lists; the next link carries the query, $expand included.
        while (page.getOdataNextLink() != null) {
            page = contacts.withUrl(page.getOdataNextLink()).get();
            all.addAll(page.getValue());
        }
        return all;
    }

    /** The contact tagged with this BC contact number, if the folder has one. */
    Optional<Contact> tagged(String mailbox, String folderName, String contactNo) {
        return contacts(mailbox, folderName).stream()
                .filter(contact -> contactNo.equals(bcContactNo(contact).orElse(null)))
                .findFirst();
    }

    static Optional<String> bcContactNo(Contact contact) {
        if (contact.getSingleValueExtendedProperties() == null) {
            return Optional.empty();
        }
        return contact.getSingleValueExtendedProperties().stream()
                .filter(property -> BC_CONTACT_NO.equalsIgnoreCase(property.getId()))
                .map(property -> property.getValue())
                .findFirst();
    }
}

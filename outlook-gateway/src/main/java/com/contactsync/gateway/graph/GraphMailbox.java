package com.contactsync.gateway.graph;

import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.UserItemRequestBuilder;
import java.util.List;
import java.util.Optional;

/** The Graph operations on one user's mailbox that are not about a single folder's contacts. */
public final class GraphMailbox {

    private final GraphServiceClient graph;
    private final String user;

    GraphMailbox(GraphServiceClient graph, String user) {
        this.graph = graph;
        this.user = user;
    }

    /**
     * The id of the top-level contact folder named {@code displayName}, created when missing. When another writer
     * creates it between the look-up and the create, Graph answers 409 and the look-up is repeated.
     */
    public String ensureFolder(String displayName) {
        Optional<String> existing = findFolder(displayName);
        if (existing.isPresent()) {
            return existing.get();
        }
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName(displayName);
        try {
            return user().contactFolders().post(folder).getId();
        } catch (ODataError e) {
            if (e.getResponseStatusCode() == 409) {
                return findFolder(displayName).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** Graph's {@code displayName eq} is case-insensitive and searches the top-level folders only. */
    public Optional<String> findFolder(String displayName) {
        List<ContactFolder> folders = user().contactFolders().get(request -> {
            request.queryParameters.filter = "displayName eq " + OData.literal(displayName);
            request.queryParameters.select = new String[] {"id", "displayName"};
        }).getValue();
        return folders == null ? Optional.empty() : folders.stream().map(ContactFolder::getId).findFirst();
    }

    public ContactFolderClient folder(String folderId) {
        return new ContactFolderClient(user().contactFolders().byContactFolderId(folderId));
    }

    private UserItemRequestBuilder user() {
        return graph.users().byUserId(user);
    }
}

package com.contactsync.graphsim.graph;

import com.contactsync.graphsim.GraphSimProperties;
import com.contactsync.graphsim.error.GraphException;
import com.contactsync.graphsim.mailbox.ContactFolder;
import com.contactsync.graphsim.mailbox.Mailbox;
import com.contactsync.graphsim.mailbox.MailboxStore;
import com.contactsync.graphsim.odata.ODataQuery;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code /users/{user}/contactFolders}: the top-level folders under the mailbox's default contacts folder. */
@Component
class ContactFolderHandler {

    private static final String TYPE = "microsoft.graph.contactFolder";
    private static final Set<String> PROPERTIES = Set.of("id", "displayName", "parentFolderId");

    private final MailboxStore mailboxes;
    private final GraphSimProperties properties;

    ContactFolderHandler(MailboxStore mailboxes, GraphSimProperties properties) {
        this.mailboxes = mailboxes;
        this.properties = properties;
    }

    /** Only the top-level folders, so {@code $filter=displayName eq '...'} never finds a subfolder, as in Graph. */
    Mono<ServerResponse> list(ServerRequest request) {
        Mailbox mailbox = mailboxes.mailbox(request.pathVariable("user"));
        ODataQuery query = ODataQuery.from(request.queryParams(), properties.pageSize(), GraphSimProperties.MAX_PAGE_SIZE)
                .requireProperties(PROPERTIES::contains, Set.of(), TYPE);
        var folders = mailbox.childFolders(mailbox.rootFolderId()).stream()
                .filter(folder -> query.filter() == null || query.filter().test(folder.toJson()))
                .toList();
        return GraphResponses.page(request, GraphResponses.user(request) + "/contactFolders", folders, query, ContactFolder::toJson);
    }

    Mono<ServerResponse> get(ServerRequest request) {
        ContactFolder folder = mailboxes.mailbox(request.pathVariable("user")).folder(request.pathVariable("folderId"));
        return entity(HttpStatus.OK, request, folder);
    }

    Mono<ServerResponse> create(ServerRequest request) {
        Mailbox mailbox = mailboxes.mailbox(request.pathVariable("user"));
        return GraphResponses.body(request)
                .flatMap(body -> entity(HttpStatus.CREATED, request, mailbox.createFolder(mailbox.rootFolderId(), displayName(body))));
    }

    Mono<ServerResponse> rename(ServerRequest request) {
        Mailbox mailbox = mailboxes.mailbox(request.pathVariable("user"));
        return GraphResponses.body(request)
                .flatMap(body -> entity(HttpStatus.OK, request, mailbox.renameFolder(request.pathVariable("folderId"), displayName(body))));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        mailboxes.mailbox(request.pathVariable("user")).deleteFolder(request.pathVariable("folderId"));
        return ServerResponse.noContent().build();
    }

    private static Mono<ServerResponse> entity(HttpStatus status, ServerRequest request, ContactFolder folder) {
        return GraphResponses.entity(status, request, GraphResponses.user(request) + "/contactFolders/$entity", folder.toJson());
    }

    private static String displayName(JsonNode body) {
        if (!body.isObject()) {
            throw GraphException.requestBodyRead("The request body must be a JSON object of type '" + TYPE + "'.");
        }
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            if (!property.getKey().startsWith("@") && !PROPERTIES.contains(property.getKey())) {
                throw GraphException.requestBodyRead("The property '" + property.getKey() + "' does not exist on type '" + TYPE + "'.");
            }
        }
        JsonNode name = body.get("displayName");
        if (name == null || !name.isString() || name.stringValue().isBlank()) {
            throw new GraphException(HttpStatus.BAD_REQUEST, "ErrorInvalidRequest", "The folder's displayName is required.");
        }
        return name.stringValue();
    }
}

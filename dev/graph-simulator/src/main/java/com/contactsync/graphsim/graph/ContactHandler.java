package com.contactsync.graphsim.graph;

import com.contactsync.graphsim.GraphSimProperties;
import com.contactsync.graphsim.mailbox.ContactSchema;
import com.contactsync.graphsim.mailbox.Mailbox;
import com.contactsync.graphsim.mailbox.MailboxStore;
import com.contactsync.graphsim.mailbox.StoredContact;
import com.contactsync.graphsim.odata.ODataQuery;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Contacts in a folder ({@code /contactFolders/{folderId}/contacts}) or in the default folder ({@code /contacts}),
 * and any contact of the mailbox by id ({@code /contacts/{contactId}}).
 */
@Component
class ContactHandler {

    private static final String TYPE = "microsoft.graph.contact";
    private static final Set<String> NAVIGATION = Set.of(ContactSchema.EXTENDED_PROPERTIES);

    private final MailboxStore mailboxes;
    private final GraphSimProperties properties;

    ContactHandler(MailboxStore mailboxes, GraphSimProperties properties) {
        this.mailboxes = mailboxes;
        this.properties = properties;
    }

    Mono<ServerResponse> createInFolder(ServerRequest request) {
        return create(request, request.pathVariable("folderId"));
    }

    Mono<ServerResponse> createInDefaultFolder(ServerRequest request) {
        return create(request, null);
    }

    Mono<ServerResponse> listInFolder(ServerRequest request) {
        String folderId = request.pathVariable("folderId");
        return list(request, folderId, "/contactFolders('" + folderId + "')/contacts");
    }

    Mono<ServerResponse> listInDefaultFolder(ServerRequest request) {
        return list(request, null, "/contacts");
    }

    Mono<ServerResponse> getInFolder(ServerRequest request) {
        Mailbox mailbox = mailboxes.mailbox(request.pathVariable("user"));
        return entity(request, mailbox.contact(request.pathVariable("folderId"), request.pathVariable("contactId")));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        Mailbox mailbox = mailboxes.mailbox(request.pathVariable("user"));
        return entity(request, mailbox.contact(request.pathVariable("contactId")));
    }

    Mono<ServerResponse> patchInFolder(ServerRequest request) {
        return patch(request, request.pathVariable("folderId"));
    }

    Mono<ServerResponse> patch(ServerRequest request) {
        return patch(request, null);
    }

    Mono<ServerResponse> deleteInFolder(ServerRequest request) {
        return delete(request, request.pathVariable("folderId"));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return delete(request, null);
    }

    /** @param folderId the folder the request names; null for {@code /contacts/{id}} */
    private Mono<ServerResponse> patch(ServerRequest request, String folderId) {
        Mailbox mailbox = mailboxes.mailbox(request.pathVariable("user"));
        return GraphResponses.body(request).flatMap(body -> {
            StoredContact contact = mailbox.patchContact(folderId, request.pathVariable("contactId"), ifMatch(request),
                    ContactSchema.read(body));
            return GraphResponses.entity(HttpStatus.OK, request, GraphResponses.user(request) + "/contacts/$entity",
                    contact.render(Set.of(), null));
        });
    }

    private Mono<ServerResponse> delete(ServerRequest request, String folderId) {
        mailboxes.mailbox(request.pathVariable("user")).deleteContact(folderId, request.pathVariable("contactId"), ifMatch(request));
        return ServerResponse.noContent().build();
    }

    /** All {@code If-Match} values as one list, as HTTP allows several headers; null when there is none. */
    private static String ifMatch(ServerRequest request) {
        var values = request.headers().header(HttpHeaders.IF_MATCH);
        return values.isEmpty() ? null : String.join(",", values);
    }

    /** @param folderId null for the default contacts folder */
    private Mono<ServerResponse> create(ServerRequest request, String folderId) {
        Mailbox mailbox = mailboxes.mailbox(request.pathVariable("user"));
        String folder = folderId == null ? mailbox.rootFolderId() : folderId;
        return GraphResponses.body(request).flatMap(body -> {
            StoredContact contact = mailbox.createContact(folder, ContactSchema.read(body));
            return GraphResponses.entity(HttpStatus.CREATED, request, GraphResponses.user(request) + "/contacts/$entity",
                    contact.render(Set.of(), null));
        });
    }

    private Mono<ServerResponse> list(ServerRequest request, String folderId, String contextPath) {
        Mailbox mailbox = mailboxes.mailbox(request.pathVariable("user"));
        ODataQuery query = ODataQuery.from(request.queryParams(), properties.pageSize(), GraphSimProperties.MAX_PAGE_SIZE)
                .requireProperties(ContactSchema::isProperty, NAVIGATION, TYPE);
        var contacts = mailbox.contacts(folderId == null ? mailbox.rootFolderId() : folderId).stream()
                .filter(contact -> query.filter() == null || query.filter().test(contact.view()))
                .toList();
        return GraphResponses.page(request, GraphResponses.user(request) + contextPath, contacts, query,
                contact -> contact.render(query.select(), query.expand().get(ContactSchema.EXTENDED_PROPERTIES)));
    }

    private static Mono<ServerResponse> entity(ServerRequest request, StoredContact contact) {
        ODataQuery query = ODataQuery.forEntity(request.queryParams()).requireProperties(ContactSchema::isProperty, NAVIGATION, TYPE);
        return GraphResponses.entity(HttpStatus.OK, request, GraphResponses.user(request) + "/contacts/$entity",
                contact.render(query.select(), query.expand().get(ContactSchema.EXTENDED_PROPERTIES)));
    }
}

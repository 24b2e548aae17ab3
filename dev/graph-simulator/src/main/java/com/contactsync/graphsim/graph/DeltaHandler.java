package com.contactsync.graphsim.graph;

import com.contactsync.graphsim.GraphSimProperties;
import com.contactsync.graphsim.error.GraphException;
import com.contactsync.graphsim.mailbox.ContactSchema;
import com.contactsync.graphsim.mailbox.Mailbox;
import com.contactsync.graphsim.mailbox.MailboxStore;
import com.contactsync.graphsim.odata.ODataQuery;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code .../contacts/delta} (also {@code delta()}, the SDK's form): a round of pages with {@code @odata.nextLink},
 * the last with {@code @odata.deltaLink}; the first round lists the folder, later ones its changes since the last,
 * deletions as {@code @removed}. Each contact appears once per round in its latest version; a change during a round
 * comes in the next one. Links can be followed again: a replayed link returns the same changes or more.
 */
@Component
class DeltaHandler {

    private static final Pattern MAX_PAGE_SIZE = Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d+)", Pattern.CASE_INSENSITIVE);
    /** Outlook's contact delta takes only {@code $select}. */
    private static final List<String> UNSUPPORTED = List.of("$filter", "$expand", "$orderby", "$top", "$skip", "$search", "$count");

    private final MailboxStore mailboxes;
    private final DeltaTokens tokens;
    private final GraphSimProperties properties;

    DeltaHandler(MailboxStore mailboxes, DeltaTokens tokens, GraphSimProperties properties) {
        this.mailboxes = mailboxes;
        this.tokens = tokens;
        this.properties = properties;
    }

    Mono<ServerResponse> inFolder(ServerRequest request) {
        return delta(request, request.pathVariable("folderId"));
    }

    Mono<ServerResponse> inDefaultFolder(ServerRequest request) {
        return delta(request, null);
    }

    /** @param requestedFolderId null for the default contacts folder */
    private Mono<ServerResponse> delta(ServerRequest request, String requestedFolderId) {
        Mailbox mailbox = mailboxes.mailbox(request.pathVariable("user"));
        String folderId = requestedFolderId == null ? mailbox.rootFolderId() : requestedFolderId;
        mailbox.folder(folderId);
        MultiValueMap<String, String> params = request.queryParams();
        String skipToken = params.getFirst("$skiptoken");
        String deltaToken = params.getFirst("$deltatoken");
        DeltaTokens.State state;
        if (skipToken != null) {
            state = tokens.read(skipToken, mailbox, folderId, GraphResponses.link(request, ""));
        } else if (deltaToken != null) {
            state = tokens.read(deltaToken, mailbox, folderId, GraphResponses.link(request, "")).nextRound(mailbox.sequence());
        } else {
            state = tokens.first(mailbox, folderId, select(params));
        }

        HttpHeaders headers = new HttpHeaders();
        int pageSize = pageSize(request, headers);
        Mailbox.ChangePage page = mailbox.changes(folderId, state.removals(), state.after(), state.upTo(), pageSize);
        Set<String> select = Set.copyOf(state.select());
        ArrayNode value = JsonNodeFactory.instance.arrayNode();
        for (Mailbox.Change change : page.changes()) {
            value.add(change.removed() ? removed(change.contactId()) : change.contact().render(select, null));
        }
        String token = tokens.write(state.readUpTo(page.cursor()));
        return page.more()
                ? GraphResponses.collection(request, "Collection(contact)", value, "@odata.nextLink",
                        GraphResponses.link(request, "$skiptoken=" + token), headers)
                : GraphResponses.collection(request, "Collection(contact)", value, "@odata.deltaLink",
                        GraphResponses.link(request, "$deltatoken=" + token), headers);
    }

    private static List<String> select(MultiValueMap<String, String> params) {
        for (String option : UNSUPPORTED) {
            if (params.containsKey(option)) {
                throw GraphException.badRequest("The query parameter '" + option + "' is not supported with change tracking over "
                        + "the 'Contacts' resource.");
            }
        }
        return List.copyOf(ODataQuery.forEntity(params).requireProperties(ContactSchema::isProperty, Set.of(), "microsoft.graph.contact")
                .select());
    }

    /** {@code Prefer: odata.maxpagesize=N}, which Graph honours (and confirms) per request, so follow-ups must send it again. */
    private int pageSize(ServerRequest request, HttpHeaders responseHeaders) {
        for (String prefer : request.headers().header("Prefer")) {
            Matcher matcher = MAX_PAGE_SIZE.matcher(prefer);
            if (matcher.find()) {
                int size = (int) Math.max(1, Math.min(Long.parseLong(matcher.group(1)), GraphSimProperties.MAX_PAGE_SIZE));
                responseHeaders.set("Preference-Applied", "odata.maxpagesize=" + size);
                return size;
            }
        }
        return properties.pageSize();
    }

    private static ObjectNode removed(String contactId) {
        ObjectNode removed = JsonNodeFactory.instance.objectNode();
        removed.put("@odata.type", "#microsoft.graph.contact");
        removed.put("id", contactId);
        removed.putObject("@removed").put("reason", "deleted");
        return removed;
    }
}

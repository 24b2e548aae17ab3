package com.contactsync.graphsim.graph;

import com.contactsync.graphsim.error.GraphException;
import com.contactsync.graphsim.odata.ODataQuery;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** How Graph frames what it returns: OData content type, {@code @odata.context}, pages with {@code @odata.nextLink}. */
final class GraphResponses {

    private static final MediaType ODATA_JSON = MediaType.parseMediaType(
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");

    private GraphResponses() {
    }

    static Mono<ServerResponse> entity(HttpStatus status, ServerRequest request, String contextFragment, ObjectNode entity) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@odata.context", context(request, contextFragment));
        body.setAll(entity);
        return ServerResponse.status(status).contentType(ODATA_JSON).bodyValue(body);
    }

    /** One page of {@code items} as {@code $top}/{@code $skip} select it, with a next link while more remain. */
    static <T> Mono<ServerResponse> page(ServerRequest request, String contextFragment, List<T> items, ODataQuery query,
            Function<T, ObjectNode> render) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@odata.context", context(request, contextFragment));
        int end = (int) Math.min((long) query.skip() + query.top(), items.size());
        if (end < items.size()) {
            body.put("@odata.nextLink", UriComponentsBuilder.fromUri(request.uri())
                    .replaceQueryParam("$skip", end)
                    .build(true)
                    .toUriString());
        }
        ArrayNode value = body.putArray("value");
        for (int i = query.skip(); i < end; i++) {
            value.add(render.apply(items.get(i)));
        }
        return ServerResponse.ok().contentType(ODATA_JSON).bodyValue(body);
    }

    /**
     * A collection page whose items are already rendered, with its continuation link ({@code @odata.nextLink} or
     * {@code @odata.deltaLink}).
     */
    static Mono<ServerResponse> collection(ServerRequest request, String contextFragment, ArrayNode value, String linkName, String link,
            HttpHeaders headers) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("@odata.context", context(request, contextFragment));
        body.put(linkName, link);
        body.set("value", value);
        return ServerResponse.ok().contentType(ODATA_JSON).headers(h -> h.addAll(headers)).bodyValue(body);
    }

    /** This request's own URL (scheme, host and path as the client used them) with {@code query} instead of its query. */
    static String link(ServerRequest request, String query) {
        URI uri = request.uri();
        String path = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** {@code users('x')} as OData writes a key: quotes doubled. */
    static String user(ServerRequest request) {
        return "users('" + request.pathVariable("user").replace("'", "''") + "')";
    }

    static Mono<JsonNode> body(ServerRequest request) {
        return request.bodyToMono(JsonNode.class)
                .switchIfEmpty(Mono.error(() -> GraphException.badRequest("Empty Payload. JSON content expected.")));
    }

    private static String context(ServerRequest request, String fragment) {
        URI uri = request.uri();
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/v1.0/$metadata#" + fragment;
    }
}

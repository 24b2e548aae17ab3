package com.contactsync.graphsim.batch;

import com.contactsync.graphsim.error.GraphException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1.0/$batch}: up to 20 requests, each run through the whole web handler as if it came from the
 * network (so authentication, limits, faults and statistics see every step), at most 4 at once as Outlook runs
 * them, a step with {@code dependsOn} only after its dependencies, and with 424 when one of them failed. The batch
 * answers 200 whenever it parses; the steps' answers come in the order they complete.
 */
@Configuration(proxyBeanMethods = false)
class BatchHandler {

    static final int MAX_REQUESTS = 20;
    /** How many steps of one batch Outlook runs at once. */
    static final int PARALLELISM = 4;
    private static final Set<String> METHODS = Set.of("GET", "POST", "PATCH", "PUT", "DELETE");
    /** Framing of the step's own HTTP exchange, which means nothing inside the batch's JSON. */
    private static final Set<String> HIDDEN_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

    private final ObjectProvider<HttpHandler> webHandler;
    private final JsonMapper json;

    /** The web handler comes from the provider at the first batch, as it is built from beans that include this one. */
    BatchHandler(ObjectProvider<HttpHandler> webHandler, JsonMapper json) {
        this.webHandler = webHandler;
        this.json = json;
    }

    /**
     * One request of the batch as the client sent it.
     *
     * @param url relative to {@code /v1.0}, with or without its leading slash
     * @param body null when the step has none
     */
    record Step(String id, HttpMethod method, String url, HttpHeaders headers, JsonNode body, List<String> dependsOn) {
    }

    private record Outcome(String id, int status, ObjectNode json) {
    }

    @Bean
    RouterFunction<ServerResponse> batchRoute() {
        return RouterFunctions.route().POST("/v1.0/$batch", this::batch).build();
    }

    private Mono<ServerResponse> batch(ServerRequest request) {
        return request.bodyToMono(JsonNode.class)
                .switchIfEmpty(Mono.error(() -> GraphException.badRequest("Empty Payload. JSON content expected.")))
                .flatMap(body -> {
                    List<Step> steps = inDependencyOrder(steps(body));
                    DataBufferFactory buffers = request.exchange().getResponse().bufferFactory();
                    Map<String, Mono<Outcome>> outcomes = new ConcurrentHashMap<>();
                    return Flux.fromIterable(steps)
                            .flatMap(step -> outcomes.computeIfAbsent(key(step.id()), id -> afterDependencies(step, outcomes)
                                    .switchIfEmpty(Mono.defer(() -> run(step, request, buffers)))
                                    .cache()), PARALLELISM)
                            .collectList();
                })
                .flatMap(outcomes -> {
                    ObjectNode body = JsonNodeFactory.instance.objectNode();
                    ArrayNode responses = body.putArray("responses");
                    outcomes.forEach(outcome -> responses.add(outcome.json()));
                    return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                });
    }

    /** A 424 when a dependency did not succeed; empty when the step may run. */
    private static Mono<Outcome> afterDependencies(Step step, Map<String, Mono<Outcome>> outcomes) {
        return Flux.fromIterable(step.dependsOn())
                .concatMap(dependency -> outcomes.get(key(dependency)))
                .filter(outcome -> outcome.status() < 200 || outcome.status() >= 300)
                .next()
                .map(failed -> failedDependency(step, failed.id()));
    }

    private Mono<Outcome> run(Step step, ServerRequest batch, DataBufferFactory buffers) {
        URI outer = batch.uri();
        String path = step.url().startsWith("/") ? step.url() : "/" + step.url();
        URI uri = URI.create(outer.getScheme() + "://" + outer.getRawAuthority() + "/v1.0" + path);
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(step.headers());
        // Graph authenticates the batch once; its steps act with the batch's token
        batch.headers().header(HttpHeaders.AUTHORIZATION).forEach(value -> headers.set(HttpHeaders.AUTHORIZATION, value));
        byte[] body = step.body() == null ? new byte[0]
                : step.body().isString() ? step.body().stringValue().getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(step.body());
        headers.setContentLength(body.length);
        BatchStepRequest request = new BatchStepRequest(step.method(), uri, headers, body, buffers);
        BatchStepResponse response = new BatchStepResponse(buffers);
        return webHandler.getObject().handle(request, response)
                .then(Mono.fromSupplier(() -> outcome(step.id(), response)));
    }

    private Outcome outcome(String id, BatchStepResponse response) {
        int status = response.getStatusCode() == null ? 200 : response.getStatusCode().value();
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("id", id);
        answer.put("status", status);
        ObjectNode headers = answer.putObject("headers");
        response.getHeaders().forEach((name, values) -> {
            if (!HIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, String.join(", ", values));
            }
        });
        byte[] body = response.body();
        if (body.length > 0) {
            try {
                answer.set("body", json.readTree(body));
            } catch (JacksonException e) {
                answer.put("body", new String(body, StandardCharsets.UTF_8));
            }
        }
        return new Outcome(id, status, answer);
    }

    private static Outcome failedDependency(Step step, String failedId) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("id", step.id());
        answer.put("status", HttpStatus.FAILED_DEPENDENCY.value());
        answer.putObject("headers").put(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
        answer.putObject("body").putObject("error")
                .put("code", "FailedDependency")
                .put("message", "The request depends on request '" + failedId + "', which failed.");
        return new Outcome(step.id(), HttpStatus.FAILED_DEPENDENCY.value(), answer);
    }

    /** @throws GraphException 400 for a batch Graph would refuse as a whole */
    static List<Step> steps(JsonNode body) {
        JsonNode requests = body.get("requests");
        if (!body.isObject() || requests == null || !requests.isArray()) {
            throw GraphException.badRequest("Invalid batch payload format: a JSON object with a 'requests' array is expected.");
        }
        if (requests.isEmpty()) {
            throw GraphException.badRequest("The batch contains no requests.");
        }
        if (requests.size() > MAX_REQUESTS) {
            throw GraphException.badRequest("Number of batch requests " + requests.size() + " exceeds the maximum of " + MAX_REQUESTS + ".");
        }
        List<Step> steps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode request : requests) {
            Step step = step(request);
            if (!ids.add(key(step.id()))) {
                throw GraphException.badRequest("Request id '" + step.id() + "' is used more than once in the batch.");
            }
            steps.add(step);
        }
        for (Step step : steps) {
            for (String dependency : step.dependsOn()) {
                if (!ids.contains(key(dependency)) || dependency.equalsIgnoreCase(step.id())) {
                    throw GraphException.badRequest("Request '" + step.id() + "' depends on '" + dependency + "', which is not another "
                            + "request of the batch.");
                }
            }
        }
        return steps;
    }

    private static Step step(JsonNode request) {
        String id = text(request, "id");
        String method = text(request, "method").toUpperCase(Locale.ROOT);
        String url = text(request, "url");
        if (!METHODS.contains(method)) {
            throw GraphException.badRequest("Request '" + id + "' has an unsupported method '" + method + "'.");
        }
        if (url.contains("://")) {
            throw GraphException.badRequest("Request '" + id + "' must have a URL relative to the version, such as /users/{id}/contacts.");
        }
        HttpHeaders headers = new HttpHeaders();
        JsonNode headerNode = request.get("headers");
        if (headerNode != null && !headerNode.isNull()) {
            if (!headerNode.isObject()) {
                throw GraphException.badRequest("The headers of request '" + id + "' must be a JSON object.");
            }
            headerNode.properties().forEach(header -> headers.add(header.getKey(), header.getValue().asString()));
        }
        JsonNode body = request.get("body");
        if (body != null && body.isNull()) {
            body = null;
        }
        if (body != null && headers.getContentType() == null) {
            throw GraphException.badRequest("Write request id : " + id + " does not contain Content-Type header or body.");
        }
        List<String> dependsOn = new ArrayList<>();
        JsonNode dependsOnNode = request.get("dependsOn");
        if (dependsOnNode != null && !dependsOnNode.isNull()) {
            if (!dependsOnNode.isArray()) {
                throw GraphException.badRequest("The dependsOn of request '" + id + "' must be an array of request ids.");
            }
            dependsOnNode.forEach(dependency -> dependsOn.add(dependency.asString()));
        }
        return new Step(id, HttpMethod.valueOf(method), url, headers, body, List.copyOf(dependsOn));
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.isObject() ? request.get(field) : null;
        if (value == null || !value.isString() || value.stringValue().isBlank()) {
            throw GraphException.badRequest("Every request of a batch needs '" + field + "'.");
        }
        return value.stringValue();
    }

    /** Request ids are case-insensitive. */
    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    /**
     * The steps so that each comes after the ones it depends on, otherwise in the client's order; steps are started
     * in this order, so a step waits only for steps already started.
     *
     * @throws GraphException 400 when dependencies form a cycle
     */
    static List<Step> inDependencyOrder(List<Step> steps) {
        Map<String, Step> pending = new LinkedHashMap<>();
        steps.forEach(step -> pending.put(key(step.id()), step));
        Set<String> placed = new LinkedHashSet<>();
        List<Step> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            Step ready = pending.values().stream()
                    .filter(step -> step.dependsOn().stream().allMatch(d -> placed.contains(key(d))))
                    .findFirst()
                    .orElseThrow(() -> GraphException.badRequest("The dependsOn of the batch's requests form a cycle."));
            pending.remove(key(ready.id()));
            placed.add(key(ready.id()));
            ordered.add(ready);
        }
        return ordered;
    }
}

package com.contactsync.graphsim.control;

import com.contactsync.graphsim.error.GraphException;
import com.contactsync.graphsim.mailbox.Mailbox;
import com.contactsync.graphsim.mailbox.MailboxStore;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The controls of a setting that applies to all mailboxes or to one: {@code GET path} shows it (with its
 * overrides and whatever {@code extra} adds), {@code PUT path} sets the global one, {@code PUT path/{upn}} and
 * {@code DELETE path/{upn}} set and remove one mailbox's. A PUT body is the whole setting: fields left out take
 * their defaults, unknown fields are refused.
 */
@Component
public class SettingsControl {

    private final JsonMapper json;
    private final Validator validator;
    private final MailboxStore mailboxes;

    SettingsControl(JsonMapper json, Validator validator, MailboxStore mailboxes) {
        this.json = json;
        this.validator = validator;
        this.mailboxes = mailboxes;
    }

    /**
     * @param defaults the setting every field left out of a PUT comes from
     * @param install turns a checked setting into what {@code overrides} holds
     * @param show what {@code GET} shows of a held value
     */
    public <S, T> RouterFunction<ServerResponse> routes(String path, Class<S> type, Supplier<S> defaults, Function<S, T> install,
            Function<T, S> show, Overrides<T> overrides, Supplier<Map<String, Object>> extra) {
        return RouterFunctions.route()
                .GET(path, request -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("global", show.apply(overrides.global()));
                    Map<String, S> mailboxView = new LinkedHashMap<>();
                    overrides.byUserPrincipalName().forEach((upn, value) -> mailboxView.put(upn, show.apply(value)));
                    view.put("mailboxes", mailboxView);
                    view.putAll(extra.get());
                    return ServerResponse.ok().bodyValue(view);
                })
                .PUT(path, request -> body(request).flatMap(body -> {
                    S setting = parse(body, defaults.get(), type);
                    overrides.global(install.apply(setting));
                    return ServerResponse.ok().bodyValue(setting);
                }))
                .PUT(path + "/{upn}", request -> body(request).flatMap(body -> {
                    Mailbox mailbox = mailbox(request);
                    S setting = parse(body, defaults.get(), type);
                    overrides.put(mailbox.id(), mailbox.userPrincipalName(), install.apply(setting));
                    return ServerResponse.ok().bodyValue(setting);
                }))
                .DELETE(path + "/{upn}", request -> {
                    overrides.remove(mailbox(request).id());
                    return ServerResponse.noContent().build();
                })
                .build();
    }

    private Mailbox mailbox(ServerRequest request) {
        Mailbox mailbox = mailboxes.find(request.pathVariable("upn"));
        if (mailbox == null) {
            throw GraphException.invalidUser(request.pathVariable("upn"));
        }
        return mailbox;
    }

    private static Mono<JsonNode> body(ServerRequest request) {
        return request.bodyToMono(JsonNode.class).defaultIfEmpty(JsonNodeFactory.instance.objectNode());
    }

    /** {@code body}'s fields over {@code defaults}, checked against the setting's constraints. */
    <S> S parse(JsonNode body, S defaults, Class<S> type) {
        ObjectNode merged = json.valueToTree(defaults);
        if (!body.isObject()) {
            throw GraphException.badRequest("Expected a JSON object with some of " + new TreeSet<>(merged.propertyNames()) + ".");
        }
        for (String field : body.propertyNames()) {
            if (!merged.has(field)) {
                throw GraphException.badRequest("Unknown field '" + field + "'; known: " + new TreeSet<>(merged.propertyNames()) + ".");
            }
        }
        merged.setAll((ObjectNode) body);
        S setting;
        try {
            setting = json.treeToValue(merged, type);
        } catch (JacksonException e) {
            throw GraphException.badRequest("Cannot read the setting: " + e.getOriginalMessage());
        }
        Set<ConstraintViolation<S>> violations = validator.validate(setting);
        if (!violations.isEmpty()) {
            throw GraphException.badRequest(violations.stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
        return setting;
    }
}

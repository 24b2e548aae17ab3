package com.contactsync.graphsim.control;

import com.contactsync.graphsim.error.GraphException;
import com.contactsync.graphsim.mailbox.Mailbox;
import com.contactsync.graphsim.mailbox.MailboxStore;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Test controls under {@code /_simulator/}: provision mailboxes and their policies, read request statistics, reset
 * everything (limits and faults have their own controls in their packages).
 */
@Configuration(proxyBeanMethods = false)
class SimulatorControls {

    private static final Set<String> POLICY_FIELDS = Set.of("accessDenied", "deltaTokenLifetime");

    @Bean
    RouterFunction<ServerResponse> simulatorRoute(MailboxStore mailboxes, RequestStats stats, ApplicationEventPublisher events) {
        return RouterFunctions.route()
                .PUT("/_simulator/mailboxes/{upn}", request -> request.bodyToMono(JsonNode.class)
                        .defaultIfEmpty(JsonNodeFactory.instance.objectNode())
                        .flatMap(body -> {
                            MailboxStore.Provisioned provisioned = mailboxes.provision(request.pathVariable("upn"), policyChange(body));
                            return ServerResponse.status(provisioned.created() ? HttpStatus.CREATED : HttpStatus.OK)
                                    .bodyValue(describe(provisioned.mailbox()));
                        }))
                .GET("/_simulator/mailboxes/{upn}", request -> {
                    Mailbox mailbox = mailboxes.find(request.pathVariable("upn"));
                    if (mailbox == null) {
                        return Mono.error(GraphException.invalidUser(request.pathVariable("upn")));
                    }
                    return ServerResponse.ok().bodyValue(describe(mailbox));
                })
                .GET("/_simulator/stats", request -> {
                    List<RequestStats.Count> counts = stats.counts();
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("total", counts.stream().mapToLong(RequestStats.Count::count).sum());
                    body.put("causes", counts.stream().filter(count -> count.cause() != null)
                            .collect(Collectors.groupingBy(RequestStats.Count::cause, TreeMap::new,
                                    Collectors.summingLong(RequestStats.Count::count))));
                    body.put("requests", counts);
                    return ServerResponse.ok().bodyValue(body);
                })
                .POST("/_simulator/reset", request -> {
                    mailboxes.reset();
                    stats.reset();
                    events.publishEvent(new SimulatorReset());
                    return ServerResponse.noContent().build();
                })
                .build();
    }

    /** The fields the body sends change; the others stay as they are. Checked before anything is provisioned. */
    private static UnaryOperator<Mailbox.Policy> policyChange(JsonNode body) {
        if (!body.isObject()) {
            throw GraphException.badRequest("A mailbox's settings are a JSON object with " + POLICY_FIELDS + ".");
        }
        for (String field : body.propertyNames()) {
            if (!POLICY_FIELDS.contains(field)) {
                throw GraphException.badRequest("Unknown mailbox setting '" + field + "'; known: " + POLICY_FIELDS + ".");
            }
        }
        JsonNode accessDenied = body.get("accessDenied");
        if (accessDenied != null && !accessDenied.isBoolean()) {
            throw GraphException.badRequest("accessDenied is true or false.");
        }
        Duration lifetime = body.has("deltaTokenLifetime") ? duration(body.get("deltaTokenLifetime").asString()) : null;
        return policy -> new Mailbox.Policy(
                accessDenied == null ? policy.accessDenied() : accessDenied.booleanValue(),
                lifetime == null ? policy.deltaTokenLifetime() : lifetime);
    }

    private static Duration duration(String text) {
        try {
            Duration duration = Duration.parse(text);
            if (!duration.isNegative()) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw GraphException.badRequest("deltaTokenLifetime is a non-negative ISO-8601 duration such as PT10M, not '" + text + "'.");
    }

    private static Map<String, Object> describe(Mailbox mailbox) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", mailbox.id());
        description.put("userPrincipalName", mailbox.userPrincipalName());
        description.put("accessDenied", mailbox.policy().accessDenied());
        description.put("deltaTokenLifetime", mailbox.policy().deltaTokenLifetime().toString());
        return description;
    }
}

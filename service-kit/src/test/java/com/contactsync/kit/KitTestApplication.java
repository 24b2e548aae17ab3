package com.contactsync.kit;

import com.contactsync.kit.security.ApiAccessRules;
import com.contactsync.kit.security.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import reactor.core.publisher.Mono;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.events.ContactDeleteRequested;
import com.contactsync.kit.inbox.EventRefusedException;
import com.contactsync.kit.inbox.InboundEvents;
import com.contactsync.kit.web.ApiProblem;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal service using the kit: a probe consumer of one event type, applied once per event; a consumer that
 * validates against the contracts and refuses one version; an endpoint that answers with a problem.
 */
@SpringBootApplication
class KitTestApplication {

    static final String PROBE_TYPE = "kit.probe.v1";
    static final long REFUSED_VERSION = 13;

    /** Data of the events the probe applied, in order. */
    static final List<String> applied = new CopyOnWriteArrayList<>();
    /** Contact numbers of the delete requests the validated consumer applied. */
    static final List<String> validatedApplied = new CopyOnWriteArrayList<>();

    @Bean
    Consumer<Message<byte[]>> probe(InboundEvents events) {
        return events.consumer("probe").on(PROBE_TYPE, String.class, applied::add);
    }

    @Bean
    Consumer<Message<byte[]>> validated(InboundEvents events) {
        return events.consumer("validated").validated()
                .on(EventTypes.CONTACT_DELETE_REQUESTED, ContactDeleteRequested.class, request -> {
                    if (Long.valueOf(REFUSED_VERSION).equals(request.expectedVersion())) {
                        throw new EventRefusedException("unlucky_version", "version 13 is refused");
                    }
                    validatedApplied.add(request.no());
                });
    }

    @RestController
    static class ProblemController {

        @GetMapping("/problem")
        void problem() {
            throw ApiProblem.badRequest("filter", "syntax", "unterminated quote").with("position", 7);
        }
    }

    /** A service's own rules: per-user paths for the user or an admin, one path for admins only. */
    @Bean
    ApiAccessRules accessRules() {
        return exchanges -> {
            exchanges.pathMatchers("/users/{userId}/**").access(ApiAccessRules.adminOrSelf("userId"));
            exchanges.pathMatchers("/admin-only").hasRole(ApiAccessRules.ADMIN);
        };
    }

    @RestController
    static class CallerController {

        @GetMapping("/whoami")
        Mono<Caller> whoami() {
            return Caller.current();
        }

        @GetMapping("/users/{userId}/setup")
        Mono<String> setup(@PathVariable String userId) {
            return Mono.just(userId);
        }

        @GetMapping("/admin-only")
        String adminOnly() {
            return "admin";
        }

        @PostMapping("/echo")
        Mono<String> echo(@RequestBody String body) {
            return Mono.just(body.length() + " characters");
        }
    }
}

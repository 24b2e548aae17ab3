package com.contactsync.kit;

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
}

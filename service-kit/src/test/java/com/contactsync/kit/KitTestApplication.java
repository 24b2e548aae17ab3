package com.contactsync.kit;

import com.contactsync.kit.inbox.InboundEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;

/** A minimal service using the kit: a probe consumer of one event type, applied once per event. */
@SpringBootApplication
class KitTestApplication {

    static final String PROBE_TYPE = "kit.probe.v1";

    /** Data of the events the probe applied, in order. */
    static final List<String> applied = new CopyOnWriteArrayList<>();

    @Bean
    Consumer<Message<byte[]>> probe(InboundEvents events) {
        return events.consumer("probe").on(PROBE_TYPE, String.class, applied::add);
    }
}

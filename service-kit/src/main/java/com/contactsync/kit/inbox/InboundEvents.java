package com.contactsync.kit.inbox;

import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.cloudevents.InvalidEventException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.messaging.Message;

/**
 * Builds idempotent Spring Cloud Stream consumers: each event is read as a CloudEvent, routed by {@code ce_type}
 * to its handler and applied at most once per consumer, in one transaction with the {@link Inbox} record.
 * Unreadable events and unknown types throw {@link InvalidEventException}, which dead-letters them at once.
 */
public class InboundEvents {

    private final Inbox inbox;

    public InboundEvents(Inbox inbox) {
        this.inbox = inbox;
    }

    /** A consumer named {@code consumer} in the inbox; add a route per event type it accepts. */
    public Routes consumer(String consumer) {
        return new Routes(consumer);
    }

    public final class Routes implements Consumer<Message<byte[]>> {

        private final String consumer;
        private final Map<String, Consumer<CloudEvent<byte[]>>> routes = new HashMap<>();

        private Routes(String consumer) {
            this.consumer = consumer;
        }

        public <T> Routes on(String type, Class<T> dataType, Consumer<T> handler) {
            routes.put(type, raw -> {
                // Decoded before the transaction: invalid data never opens one.
                T data = CloudEvents.decode(raw, dataType).data();
                inbox.once(consumer, raw.id(), () -> handler.accept(data));
            });
            return this;
        }

        @Override
        public void accept(Message<byte[]> message) {
            CloudEvent<byte[]> event = CloudEvents.fromMessage(message);
            Consumer<CloudEvent<byte[]>> route = routes.get(event.type());
            if (route == null) {
                throw new InvalidEventException("ce_type '" + event.type() + "' is not one " + consumer + " accepts: "
                        + routes.keySet());
            }
            route.accept(event);
        }
    }
}

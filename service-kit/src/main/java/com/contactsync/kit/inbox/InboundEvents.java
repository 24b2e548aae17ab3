package com.contactsync.kit.inbox;

import com.contactsync.contracts.EventTypes;
import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.cloudevents.InvalidEventException;
import com.contactsync.contracts.schema.ContractSchemas;
import com.contactsync.contracts.schema.SchemaViolation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.messaging.Message;

/**
 * Builds idempotent Spring Cloud Stream consumers: each event is read as a CloudEvent, routed by {@code ce_type}
 * to its handler and applied at most once per consumer, in one transaction with the {@link Inbox} record.
 * Unreadable events and unknown types throw {@link InvalidEventException}, which dead-letters them at once.
 *
 * <p>Counts, per consumer: {@code contactsync.inbound.accepted}, {@code contactsync.inbound.duplicates} and
 * {@code contactsync.inbound.rejected} with a {@code reason} tag ({@code invalid_headers}, {@code unknown_type},
 * {@code not_json}, {@code schema_violation}, {@code invalid_data} or an {@link EventRefusedException#reason()}).
 */
public class InboundEvents {

    private final Inbox inbox;
    private final MeterRegistry registry;

    public InboundEvents(Inbox inbox, MeterRegistry registry) {
        this.inbox = inbox;
        this.registry = registry;
    }

    public InboundEvents(Inbox inbox) {
        this(inbox, Metrics.globalRegistry);
    }

    /** A consumer named {@code consumer} in the inbox; add a route per event type it accepts. */
    public Routes consumer(String consumer) {
        return new Routes(consumer);
    }

    public final class Routes implements Consumer<Message<byte[]>> {

        private final String consumer;
        private final Map<String, Consumer<CloudEvent<byte[]>>> routes = new HashMap<>();
        private final Counter accepted;
        private final Counter duplicates;
        private boolean validated;

        private Routes(String consumer) {
            this.consumer = consumer;
            this.accepted = Counter.builder("contactsync.inbound.accepted").tag("consumer", consumer)
                    .description("Events applied").register(registry);
            this.duplicates = Counter.builder("contactsync.inbound.duplicates").tag("consumer", consumer)
                    .description("Events already applied before (same ce_id), skipped").register(registry);
        }

        /**
         * Checks each event's data against the JSON Schema of its type ({@link ContractSchemas}) before decoding it,
         * so that what the schema refuses (unknown properties, lengths, formats) is dead-lettered with its path.
         * Every route must then be a type of the contracts.
         */
        public Routes validated() {
            routes.keySet().forEach(Routes::requireContractType);
            validated = true;
            return this;
        }

        public <T> Routes on(String type, Class<T> dataType, Consumer<T> handler) {
            if (validated) {
                requireContractType(type);
            }
            routes.put(type, raw -> {
                if (validated) {
                    validate(raw);
                }
                // Decoded before the transaction: invalid data never opens one.
                T data = rejectAs("invalid_data", () -> CloudEvents.decode(raw, dataType).data());
                boolean first;
                try {
                    first = inbox.once(consumer, raw.id(), () -> handler.accept(data));
                } catch (EventRefusedException e) {
                    throw rejected(e.reason(), e);
                } catch (InvalidEventException e) {
                    throw rejected("invalid_data", e);
                }
                (first ? accepted : duplicates).increment();
            });
            return this;
        }

        @Override
        public void accept(Message<byte[]> message) {
            CloudEvent<byte[]> event = rejectAs("invalid_headers", () -> CloudEvents.fromMessage(message));
            Consumer<CloudEvent<byte[]>> route = routes.get(event.type());
            if (route == null) {
                throw rejected("unknown_type", new InvalidEventException("ce_type '" + event.type()
                        + "' is not one " + consumer + " accepts: " + routes.keySet()));
            }
            route.accept(event);
        }

        private void validate(CloudEvent<byte[]> raw) {
            List<SchemaViolation> violations = rejectAs("not_json", () -> ContractSchemas.validate(raw.type(), raw.data()));
            if (!violations.isEmpty()) {
                throw rejected("schema_violation", new InvalidEventException(ContractSchemas.describe(violations)));
            }
        }

        private <R> R rejectAs(String reason, Supplier<R> step) {
            try {
                return step.get();
            } catch (InvalidEventException e) {
                throw rejected(reason, e);
            }
        }

        private InvalidEventException rejected(String reason, InvalidEventException e) {
            Counter.builder("contactsync.inbound.rejected").tag("consumer", consumer).tag("reason", reason)
                    .description("Events dead-lettered at once because retrying cannot help")
                    .register(registry).increment();
            return e;
        }

        private static void requireContractType(String type) {
            if (EventTypes.dataType(type).isEmpty()) {
                throw new IllegalArgumentException(type + " is not a type of the contracts, so it has no schema");
            }
        }
    }
}

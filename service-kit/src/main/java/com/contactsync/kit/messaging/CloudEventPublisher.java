package com.contactsync.kit.messaging;

import com.contactsync.contracts.cloudevents.CloudEvent;
import com.contactsync.contracts.cloudevents.CloudEvents;
import com.contactsync.contracts.cloudevents.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends CloudEvents in Kafka binary mode straight to the broker. Services with a database publish through the
 * outbox instead; this is for the outbox relay and for services without a database (the gateway), which call
 * {@link #publish} before their input offset commits.
 */
public class CloudEventPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final long timeoutMillis;

    public CloudEventPublisher(KafkaTemplate<String, byte[]> template, long timeoutMillis) {
        this.template = template;
        this.timeoutMillis = timeoutMillis;
    }

    /** The Kafka record of an event whose data is already JSON. */
    public static ProducerRecord<String, byte[]> record(String topic, CloudEvent<byte[]> event) {
        List<Header> headers = new ArrayList<>();
        CloudEvents.headers(event).forEach(
                (name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return new ProducerRecord<>(topic, null, event.key(), event.data(), headers);
    }

    public CompletableFuture<?> send(ProducerRecord<String, byte[]> record) {
        return template.send(record);
    }

    public CompletableFuture<?> send(String topic, CloudEvent<?> event) {
        return send(record(topic, new CloudEvent<>(event.id(), event.source(), event.type(), event.time(),
                event.key(), EventJson.write(event.data()))));
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void publish(String topic, CloudEvent<?> event) {
        try {
            send(topic, event).get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing " + event.type(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge " + event.type() + " on " + topic, e);
        }
    }

    public void flush() {
        template.flush();
    }
}

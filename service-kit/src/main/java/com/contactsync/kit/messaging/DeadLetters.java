package com.contactsync.kit.messaging;

import com.contactsync.contracts.Topics;
import com.contactsync.contracts.cloudevents.CloudEventHeaders;
import com.contactsync.contracts.cloudevents.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;

/**
 * Dead-letter handling for every Spring Cloud Stream Kafka binding that has {@code enable-dlq}: records that
 * fail after the binding's retries, or at once when retrying cannot help (invalid events, undeserialisable
 * records), go to {@code <topic>.dlq} with the original headers plus {@code x-error-reason} (for a person) and
 * {@code x-error-class}, and the partition moves on.
 */
public class DeadLetters implements ListenerContainerWithDlqAndRetryCustomizer {

    private final KafkaOperations<Object, Object> template;

    public DeadLetters(KafkaOperations<Object, Object> template) {
        this.template = template;
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        // The container's error handler retries and dead-letters instead, so the headers can be ours.
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        if (dlqDestinationResolver == null) {
            return;
        }
        // Partition -1 lets the producer choose, so a DLQ needs no more partitions than its topic.
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.dlq(record.topic()), -1));
        recoverer.setHeadersFunction((record, exception) -> errorHeaders(exception));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class, DeserializationException.class);
        container.setCommonErrorHandler(handler);
    }

    static RecordHeaders errorHeaders(Exception exception) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
        // The deepest cause is usually the one a person can act on; wrapping listener exceptions say nothing.
        Throwable reasonSource = findInvalidEvent(exception);
        if (reasonSource == null) {
            reasonSource = cause;
        }
        String reason = reasonSource.getMessage() == null ? reasonSource.getClass().getSimpleName() : reasonSource.getMessage();
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader(CloudEventHeaders.ERROR_REASON, reason.getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(CloudEventHeaders.ERROR_CLASS,
                reasonSource.getClass().getName().getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private static Throwable findInvalidEvent(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException || t instanceof DeserializationException) {
                return t;
            }
        }
        return null;
    }
}

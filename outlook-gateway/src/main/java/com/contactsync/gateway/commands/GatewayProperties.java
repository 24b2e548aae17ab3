package com.contactsync.gateway.commands;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How the gateway carries out commands. */
@Validated
@ConfigurationProperties("contactsync.gateway")
public record GatewayProperties(@DefaultValue @NotNull @Valid Commands commands, @DefaultValue @NotNull @Valid Read read) {

    /**
     * @param parallelMailboxes mailboxes whose commands run at the same time (threads); one mailbox's commands run one
     *                          after the other, in the order of its partition
     * @param maxInFlight commands taken from Kafka and not yet answered; the consumer waits when there are more
     * @param maxQueuedPerMailbox commands one mailbox may have waiting in its lane; one more is answered at once as
     *                            failed and retryable, so that one slow mailbox cannot take all of {@code maxInFlight}
     * @param maxWait how long one command may wait in all for its mailbox's limits, {@code Retry-After} and backoffs;
     *                what is still throttled then is answered as failed and retryable with {@code retryNotBefore}
     * @param shutdownGrace how long stopping waits for commands under way to be answered
     * @param gatherOperations write commands waiting one after the other in a mailbox's lane are carried out together
     *                         up to this many operations (20: one {@code $batch}), each still answered on its own
     */
    public record Commands(
            @DefaultValue("16") @Min(1) int parallelMailboxes,
            @DefaultValue("500") @Min(1) int maxInFlight,
            @DefaultValue("100") @Min(1) int maxQueuedPerMailbox,
            @DefaultValue("60s") @NotNull Duration maxWait,
            @DefaultValue("30s") @NotNull Duration shutdownGrace,
            @DefaultValue("20") @Min(1) @Max(1000) int gatherOperations) {
    }

    /**
     * @param itemsPerEvent at most this many entries of {@code changed} and {@code removedIds} together in one
     *                      {@code changes-read} event, so an event stays well below Kafka's 1 MB record limit
     * @param deltaPageSize contacts per delta page ({@code Prefer: odata.maxpagesize})
     * @param tagsByListingFrom from this many changed contacts on, their tags are read by listing the folder's tags
     *                          (one request per 1,000 contacts) instead of one batch step per contact
     */
    public record Read(
            @DefaultValue("200") @Min(1) @Max(2000) int itemsPerEvent,
            @DefaultValue("500") @Min(1) @Max(1000) int deltaPageSize,
            @DefaultValue("100") @Min(1) int tagsByListingFrom) {
    }
}

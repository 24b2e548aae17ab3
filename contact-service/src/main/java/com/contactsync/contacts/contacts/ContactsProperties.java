package com.contactsync.contacts.contacts;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param source          the CloudEvents {@code ce_source} of the contact events this instance writes
 * @param eventsTopic     where contact events go; the contract's {@code bc.contact.events.v1} unless a shared cluster
 *                        (or a test) needs another name
 * @param requestsTopic   where the intake reads requests (its dead letters go to {@code <requestsTopic>.dlq})
 * @param defaultPageSize contacts per page of a list when the caller names no {@code size}
 * @param maxPageSize     the largest {@code size} a caller may ask for
 */
@Validated
@ConfigurationProperties("contactsync.contacts")
public record ContactsProperties(
        @DefaultValue("/contactsync/contact-service") @NotBlank String source,
        @DefaultValue("bc.contact.events.v1") @NotBlank String eventsTopic,
        @DefaultValue("bc.contact.requests.v1") @NotBlank String requestsTopic,
        @DefaultValue("50") @Min(1) @Max(1000) int defaultPageSize,
        @DefaultValue("200") @Min(1) @Max(1000) int maxPageSize) {

    @AssertTrue(message = "default-page-size must not exceed max-page-size")
    public boolean isDefaultPageSizeWithinMax() {
        return defaultPageSize <= maxPageSize;
    }
}

package com.contactsync.contacts.contacts;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param source the CloudEvents {@code ce_source} of the contact events this instance writes
 */
@Validated
@ConfigurationProperties("contactsync.contacts")
public record ContactsProperties(@DefaultValue("/contactsync/contact-service") @NotBlank String source) {
}

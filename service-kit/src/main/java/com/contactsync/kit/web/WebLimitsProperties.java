package com.contactsync.kit.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxRequestBody the largest request body the API reads; larger ones get 413 before they are read. A contact
 *     or a setup is a few kilobytes
 */
@Validated
@ConfigurationProperties("contactsync.web")
public record WebLimitsProperties(@DefaultValue("64KB") @NotNull DataSize maxRequestBody) {
}

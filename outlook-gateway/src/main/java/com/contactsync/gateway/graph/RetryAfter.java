package com.contactsync.gateway.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/** HTTP's {@code Retry-After}: seconds (Graph writes fractions, such as {@code 2.128}) or an HTTP date. */
final class RetryAfter {

    /** The least the gateway waits when told to, so a {@code Retry-After: 0} cannot make it spin. */
    private static final Duration MINIMUM = Duration.ofMillis(100);

    private RetryAfter() {
    }

    /** @return null when the value is absent or unreadable */
    static Duration parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.trim());
            return atLeastMinimum(Duration.ofNanos((long) (seconds * 1e9)));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return atLeastMinimum(Duration.between(Instant.now(), at));
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** The header from a case-insensitive or lower-cased header map, as the SDK's exceptions carry them. */
    static Duration from(Map<String, ? extends Collection<String>> headers) {
        if (headers == null) {
            return null;
        }
        for (var header : headers.entrySet()) {
            if ("retry-after".equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
                return parse(header.getValue().iterator().next());
            }
        }
        return null;
    }

    private static Duration atLeastMinimum(Duration duration) {
        return duration.compareTo(MINIMUM) < 0 ? MINIMUM : duration;
    }
}

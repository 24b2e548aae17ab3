package com.contactsync.gateway.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code Retry-After} as Graph sends it: fractional seconds, or an HTTP date. */
class RetryAfterTest {

    @Test
    void secondsMayHaveFractions() {
        assertThat(RetryAfter.parse("2.128")).isEqualTo(Duration.ofMillis(2128));
        assertThat(RetryAfter.parse(" 12 ")).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void anHttpDateIsTheTimeUntilThen() {
        String inAMinute = ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);

        assertThat(RetryAfter.parse(inAMinute)).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61));
    }

    @Test
    void zeroOrThePastWaitsALittleSoNothingSpins() {
        assertThat(RetryAfter.parse("0")).isEqualTo(Duration.ofMillis(100));
        assertThat(RetryAfter.parse("Thu, 01 Jan 1970 00:00:00 GMT")).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void absentOrUnreadableIsNull() {
        assertThat(RetryAfter.parse(null)).isNull();
        assertThat(RetryAfter.parse("soon")).isNull();
    }

    @Test
    void theHeaderIsFoundWhateverItsCase() {
        assertThat(RetryAfter.from(Map.of("retry-after", List.of("3")))).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.from(Map.of("Retry-After", List.of("3")))).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.from(Map.of("Content-Type", List.of("application/json")))).isNull();
    }
}

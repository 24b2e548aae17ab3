package com.contactsync.graphsim;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The simulator's settings.
 *
 * @param tenant the only tenant its token endpoint knows
 * @param clientId the only application it issues tokens to
 * @param clientSecret that application's secret
 * @param tokenLifetime how long an issued token is accepted
 * @param pageSize list page size without {@code $top} (Graph's is 10)
 */
@Validated
@ConfigurationProperties("graphsim")
public record GraphSimProperties(
        @DefaultValue("sandbox") @NotBlank String tenant,
        @DefaultValue("contactsync-sandbox") @NotBlank String clientId,
        @DefaultValue("sandbox-secret") @NotBlank String clientSecret,
        @DefaultValue("1h") @NotNull Duration tokenLifetime,
        @DefaultValue("10") @Min(1) @Max(1000) int pageSize) {

    /** The largest {@code $top} Graph accepts on these lists. */
    public static final int MAX_PAGE_SIZE = 1000;

    @Override
    public String toString() {
        return "GraphSimProperties[tenant=" + tenant + ", clientId=" + clientId + ", clientSecret=***, tokenLifetime="
                + tokenLifetime + ", pageSize=" + pageSize + "]";
    }
}

package com.contactsync.graphsim;

import com.contactsync.graphsim.limits.LimitSettings;
import jakarta.validation.Valid;
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
 * @param pageSize list page size without {@code $top} and delta page size without {@code Prefer: odata.maxpagesize}
 *     (Graph's is 10)
 * @param deltaTokenLifetime how long a delta or next link stays usable (Outlook's is not fixed; a mailbox can have
 *     its own, set through {@code /_simulator/mailboxes/{upn}})
 * @param limits Graph's per-mailbox limits as the simulator starts and as a reset restores them
 * @param api the tokens it issues for Contact Sync's own REST APIs
 */
@Validated
@ConfigurationProperties("graphsim")
public record GraphSimProperties(
        @DefaultValue("sandbox") @NotBlank String tenant,
        @DefaultValue("contactsync-sandbox") @NotBlank String clientId,
        @DefaultValue("sandbox-secret") @NotBlank String clientSecret,
        @DefaultValue("1h") @NotNull Duration tokenLifetime,
        @DefaultValue("10") @Min(1) @Max(1000) int pageSize,
        @DefaultValue("7d") @NotNull Duration deltaTokenLifetime,
        @DefaultValue @Valid @NotNull LimitSettings limits,
        @DefaultValue @Valid @NotNull GraphSimApiSettings api) {

    /** The largest {@code $top} Graph accepts on these lists. */
    public static final int MAX_PAGE_SIZE = 1000;

    @Override
    public String toString() {
        return "GraphSimProperties[tenant=" + tenant + ", clientId=" + clientId + ", clientSecret=***, tokenLifetime="
                + tokenLifetime + ", pageSize=" + pageSize + ", deltaTokenLifetime=" + deltaTokenLifetime + ", limits=" + limits + ", api=" + api + "]";
    }
}

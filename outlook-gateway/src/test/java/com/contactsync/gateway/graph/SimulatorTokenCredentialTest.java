package com.contactsync.gateway.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.contactsync.graphsim.RunningSimulator;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Client credentials against the simulator's token endpoint, over plain http on loopback. */
class SimulatorTokenCredentialTest {

    private static final String TOKEN_PATH = "/{tenant}/oauth2/v2.0/token";
    private static final TokenRequestContext GRAPH = new TokenRequestContext().addScopes("https://graph.microsoft.com/.default");

    private final RunningSimulator simulator = RunningSimulator.get();
    private final MovableClock clock = new MovableClock();

    @Test
    void tokenIsFetchedOnceAndReusedWhileFarFromExpiry() {
        var credential = credential(RunningSimulator.CLIENT_SECRET);
        long before = simulator.requests("POST", TOKEN_PATH, 200);

        AccessToken first = credential.getTokenSync(GRAPH);
        clock.advance(Duration.ofMinutes(50));
        AccessToken second = credential.getTokenSync(GRAPH);

        assertThat(second.getToken()).isEqualTo(first.getToken());
        assertThat(first.getExpiresAt()).isAfter(clock.instant().atOffset(ZoneOffset.UTC));
        assertThat(simulator.requests("POST", TOKEN_PATH, 200) - before).isEqualTo(1);
    }

    @Test
    void tokenIsRenewedShortlyBeforeItExpires() {
        var credential = credential(RunningSimulator.CLIENT_SECRET);
        long before = simulator.requests("POST", TOKEN_PATH, 200);

        credential.getTokenSync(GRAPH);
        clock.advance(Duration.ofMinutes(56));
        credential.getToken(GRAPH).block();

        assertThat(simulator.requests("POST", TOKEN_PATH, 200) - before).isEqualTo(2);
    }

    @Test
    void refusedCredentialsFailWithTheEndpointsReason() {
        var credential = credential("wrong-secret");

        assertThatThrownBy(() -> credential.getTokenSync(GRAPH))
                .isInstanceOf(ClientAuthenticationException.class)
                .hasMessageContaining("401")
                .hasMessageContaining("AADSTS7000215");
    }

    private SimulatorTokenCredential credential(String secret) {
        return new SimulatorTokenCredential(URI.create(simulator.tokenUrl()), RunningSimulator.CLIENT_ID, secret, clock);
    }

    /** Time the test moves forward, instead of waiting an hour for a token to age. */
    private static final class MovableClock extends Clock {

        private Instant now = Instant.now();

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

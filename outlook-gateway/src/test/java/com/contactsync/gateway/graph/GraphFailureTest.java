package com.contactsync.gateway.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.ClientAuthenticationException;
import com.contactsync.gateway.limits.MailboxThrottledException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Whether trying again can help, for each way talking to Graph can fail. */
class GraphFailureTest {

    @Test
    void refusedCredentialsNeedAPersonButAnUnreachableTokenEndpointMayComeBack() {
        GraphFailure refused = GraphFailure.of(new RuntimeException(new ClientAuthenticationException("AADSTS7000215: Invalid client secret", null)));
        GraphFailure unreachable = GraphFailure.of(new ClientAuthenticationException("no answer", null, new ConnectException("refused")));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.reason()).startsWith("The token endpoint refused the gateway's credentials").contains("AADSTS7000215");
        assertThat(unreachable.status()).isZero();
        assertThat(unreachable.retryable()).isTrue();
        assertThat(unreachable.reason()).startsWith("The token endpoint could not be reached");
    }

    @Test
    void graphsOwnFailuresAndThrottlingCanBeTriedAgainRefusalsCannot() {
        assertThat(GraphFailure.answered(404, "ErrorInvalidUser", "no such user").retryable()).isFalse();
        assertThat(GraphFailure.answered(403, "ErrorAccessDenied", "policy").retryable()).isFalse();
        assertThat(GraphFailure.answered(429, "TooManyRequests", "slow down").retryable()).isTrue();
        assertThat(GraphFailure.answered(504, "UnknownError", "timeout").retryable()).isTrue();
        assertThat(GraphFailure.answered(404, "ErrorInvalidUser", "no such user").reason())
                .isEqualTo("Graph answered 404 ErrorInvalidUser: no such user");
    }

    @Test
    void noAnswerIsRetryableAndAThrottledMailboxSaysFromWhen() {
        Instant notBefore = Instant.now().plusSeconds(60);

        assertThat(GraphFailure.of(new UncheckedIOException(new IOException("reset"))).retryable()).isTrue();
        assertThat(GraphFailure.of(new MailboxThrottledException("throttled", notBefore)))
                .extracting(GraphFailure::status, GraphFailure::retryable, GraphFailure::retryNotBefore).containsExactly(429, true, notBefore);
    }

    @Test
    void aFaultOfTheGatewayItselfIsNotTakenForGraphs() {
        assertThatThrownBy(() -> GraphFailure.rethrowIfNotGraphs(new NullPointerException("bug"))).isInstanceOf(NullPointerException.class);
        assertThatNoException().isThrownBy(() -> GraphFailure.rethrowIfNotGraphs(new RuntimeException(new ConnectException("refused"))));
    }
}

package com.contactsync.gateway.check;

import static com.contactsync.gateway.OutlookView.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactsync.contracts.events.CommandFailed;
import com.contactsync.contracts.events.WriteOutlookContacts;
import com.contactsync.contracts.events.WriteOutlookContacts.Action;
import com.contactsync.contracts.events.WriteOutlookContacts.Operation;
import com.contactsync.gateway.OutlookView;
import com.contactsync.gateway.RunningGateway;
import com.contactsync.graphsim.RunningSimulator;
import com.contactsync.testinfra.TestClients;
import com.contactsync.testinfra.RealInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/mailboxes/{mailbox}/check}: one specific message for each way the connection can fail. */
@RealInfrastructure
class ConnectionCheckTest {

    private static final RunningSimulator simulator = RunningSimulator.get();
    private static final OutlookView outlook = new OutlookView();
    private static RunningGateway gateway;

    @BeforeAll
    static void start() {
        gateway = RunningGateway.start(Map.of());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void aMailboxWithoutTheFolderPassesBecauseTheFirstSyncCreatesIt() {
        String mailbox = simulator.newMailbox();

        CheckReport report = check(gateway, mailbox, "Business Central");

        assertThat(report.ok()).isTrue();
        assertThat(report.checks()).extracting(CheckReport.Check::name, CheckReport.Check::ok)
                .containsExactly(tuple("credentials", true), tuple("mailbox", true), tuple("folder", true));
        assertThat(report.checks().get(2).message()).contains("does not exist yet", "the first sync creates it");
        assertThat(outlook.folderNames(mailbox)).as("a check changes nothing").isEmpty();
    }

    @Test
    void anExistingFolderPasses() {
        String mailbox = simulator.newMailbox();
        outlook.create(mailbox, outlook.createFolder(mailbox, "Kontakte BC"), OutlookView.typed("Jan", "Novak"));

        CheckReport report = check(gateway, mailbox, "Kontakte BC");

        assertThat(report.ok()).isTrue();
        assertThat(report.checks().get(2).message()).contains("'Kontakte BC' exists");
    }

    @Test
    void anUnknownMailboxIsNamedWithWhatToCheck() {
        String mailbox = "nobody-" + UUID.randomUUID() + "@contoso.test";

        CheckReport report = check(gateway, mailbox, "Business Central");

        assertThat(report.ok()).isFalse();
        assertThat(report.checks()).extracting(CheckReport.Check::name, CheckReport.Check::ok)
                .containsExactly(tuple("credentials", true), tuple("mailbox", false), tuple("folder", false));
        assertThat(report.checks().get(1).message()).contains("has no mailbox " + mailbox, "404", "Microsoft 365 e-mail");
        assertThat(report.checks().get(2).message()).contains("Not checked");
    }

    @Test
    void aMailboxAnApplicationAccessPolicyClosesIsNamedWithTheWayToOpenIt() {
        String mailbox = simulator.newMailbox();
        simulator.mailboxSettings(mailbox, "{\"accessDenied\": true}");

        CheckReport report = check(gateway, mailbox, "Business Central");

        assertThat(report.ok()).isFalse();
        assertThat(report.checks().get(1).message()).contains("403", "application access policy", "Test-ApplicationAccessPolicy -Identity "
                + mailbox + " -AppId " + RunningSimulator.CLIENT_ID);
    }

    @Test
    void graphThatDoesNotAnswerIsNamedWithItsAddress() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String baseUrl = "http://127.0.0.1:" + closedPort + "/v1.0";
        try (RunningGateway unreachable = RunningGateway.startAside(Map.of("contactsync.graph.base-url", baseUrl,
                "contactsync.graph.retry.backoff", "10ms"))) {

            CheckReport report = check(unreachable, simulator.newMailbox(), "Business Central");

            assertThat(report.checks()).extracting(CheckReport.Check::name, CheckReport.Check::ok)
                    .containsExactly(tuple("credentials", true), tuple("mailbox", false), tuple("folder", false));
            assertThat(report.checks().get(1).message()).contains("could not be reached at " + baseUrl);
        }
    }

    @Test
    void refusedCredentialsAreNamedAndTheSecretAppearsInNoLogNoAnswerAndNoEvent() {
        String secret = "wrong-secret-" + UUID.randomUUID();
        String mailbox = simulator.newMailbox();
        WriteOutlookContacts command = new WriteOutlookContacts(UUID.randomUUID().toString(), "user-1", mailbox, "Business Central", null,
                null, List.of(new Operation(Action.UPSERT, "CT000001", null, fields("Never", "Written"))));
        // Everything the gateway logs goes to the console, from its start to its end
        PrintStream console = System.out;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new TeeOutputStream(console, logged), true, StandardCharsets.UTF_8));
        String answer;
        CommandFailed failed;
        try (RunningGateway refused = RunningGateway.startAside(Map.of("contactsync.graph.auth.client-secret", secret))) {
            answer = TestClients.admin("http://localhost:" + refused.port())
                    .build()
                    .post().uri("/api/v1/mailboxes/{mailbox}/check", mailbox).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            refused.send(command);
            failed = refused.awaitAnswer(command.commandId(), CommandFailed.class);
        } finally {
            System.setOut(console);
        }
        String logs = logged.toString(StandardCharsets.UTF_8);

        assertThat(answer).contains("\"ok\":false", "refused the gateway's credentials", "AADSTS", "client secret");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("refused the gateway's credentials");
        assertThat(logs).as("the gateway's log was captured").contains("signing in with", "clientSecret=***");
        assertThat(answer).doesNotContain(secret);
        assertThat(failed.reason()).doesNotContain(secret);
        assertThat(logs).doesNotContain(secret);
    }

    /** Writes to two streams. */
    private static final class TeeOutputStream extends OutputStream {

        private final OutputStream first;
        private final OutputStream second;

        TeeOutputStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }

    private static CheckReport check(RunningGateway gateway, String mailbox, String folderName) {
        return TestClients.admin("http://localhost:" + gateway.port())
                .build()
                .post().uri(uri -> uri.path("/api/v1/mailboxes/{mailbox}/check").queryParam("folderName", folderName).build(mailbox))
                .exchange().expectStatus().isOk().expectBody(CheckReport.class).returnResult().getResponseBody();
    }
}

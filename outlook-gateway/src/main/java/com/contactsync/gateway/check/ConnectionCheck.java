package com.contactsync.gateway.check;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.contactsync.gateway.graph.Folders;
import com.contactsync.gateway.graph.GraphCallException;
import com.contactsync.gateway.graph.GraphFailure;
import com.contactsync.gateway.graph.GraphMailboxes;
import com.contactsync.gateway.graph.GraphProperties;
import com.contactsync.gateway.graph.MailboxSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks, for the orchestrator's {@code validate}, that the gateway can sync a mailbox's folder: its credentials,
 * the mailbox, the folder. Each failure says what a person can do about it. Costs one token request (usually
 * cached) and one or two Graph requests, under the mailbox's limits.
 */
@Component
class ConnectionCheck {

    /** A check answers a person waiting for it: it does not wait long for a throttled mailbox. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final TokenCredential credential;
    private final GraphProperties graph;
    private final GraphMailboxes mailboxes;
    private final Folders folders;

    ConnectionCheck(TokenCredential credential, GraphProperties graph, GraphMailboxes mailboxes, Folders folders) {
        this.credential = credential;
        this.graph = graph;
        this.mailboxes = mailboxes;
        this.folders = folders;
    }

    CheckReport run(String mailbox, String folderName) {
        List<CheckReport.Check> checks = new ArrayList<>();
        CheckReport.Check credentials = credentials();
        checks.add(credentials);
        if (credentials.ok()) {
            MailboxSession session = mailboxes.session(mailbox, System.nanoTime() + MAX_WAIT.toNanos());
            Optional<String> folder;
            try {
                folder = folders.find(session, folderName);
                checks.add(new CheckReport.Check("mailbox", true, "The gateway can read the contact folders of " + mailbox + "."));
            } catch (GraphCallException e) {
                checks.add(mailboxFailure(mailbox, e.failure()));
                folder = null;
            }
            if (folder != null) {
                checks.add(folder(session, folderName, folder));
            }
        }
        for (String name : List.of("mailbox", "folder")) {
            if (checks.stream().noneMatch(check -> check.name().equals(name))) {
                checks.add(new CheckReport.Check(name, false, "Not checked, because the " + checks.get(checks.size() - 1).name()
                        + " check failed."));
            }
        }
        return new CheckReport(checks.stream().allMatch(CheckReport.Check::ok), checks);
    }

    private CheckReport.Check credentials() {
        GraphProperties.Auth auth = graph.auth();
        try {
            credential.getTokenSync(new TokenRequestContext().addScopes(auth.scope()));
            return new CheckReport.Check("credentials", true, "The gateway signs in as application " + auth.clientId() + " ("
                    + auth.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + ").");
        } catch (RuntimeException e) {
            GraphFailure failure = GraphFailure.of(e);
            if (failure.retryable()) {
                return new CheckReport.Check("credentials", false, failure.reason() + ". Check the network path from the gateway to the "
                        + "identity provider, then try again.");
            }
            return new CheckReport.Check("credentials", false, failure.reason() + ". Check contactsync.graph.auth.tenant-id, client-id "
                    + "and the client secret or certificate of application " + auth.clientId()
                    + "; an expired or replaced secret is the usual cause.");
        }
    }

    private CheckReport.Check mailboxFailure(String mailbox, GraphFailure failure) {
        String message = switch (failure.status()) {
            case 404 -> "Microsoft 365 has no mailbox " + mailbox + " (" + failure.reason() + "). Check the user's Microsoft 365 e-mail; "
                    + "the user needs an Exchange Online mailbox.";
            case 403 -> "Access to mailbox " + mailbox + " is denied (" + failure.reason() + "): an Exchange application access policy "
                    + "keeps application " + graph.auth().clientId() + " out. Add the user to the mail-enabled security group the policy "
                    + "allows (check with Test-ApplicationAccessPolicy -Identity " + mailbox + " -AppId " + graph.auth().clientId() + ").";
            case 401 -> "Graph refused the gateway's token (" + failure.reason() + "). Grant application " + graph.auth().clientId()
                    + " the Contacts.ReadWrite application permission with admin consent.";
            case 429 -> "Graph throttles mailbox " + mailbox + " (" + failure.reason() + "); the gateway can reach it, try the check "
                    + "again later.";
            case 0 -> "Microsoft Graph could not be reached at " + graph.baseUrl() + " (" + failure.reason() + "). Check the network "
                    + "path from the gateway and contactsync.graph.base-url.";
            default -> "Graph failed to answer for mailbox " + mailbox + " (" + failure.reason() + "); try again later.";
        };
        return new CheckReport.Check("mailbox", false, message);
    }

    private CheckReport.Check folder(MailboxSession session, String folderName, Optional<String> folder) {
        if (folder.isEmpty()) {
            return new CheckReport.Check("folder", true, "The contact folder '" + folderName + "' does not exist yet in "
                    + session.mailbox() + "; the first sync creates it.");
        }
        try {
            folders.readable(session, folder.get());
            return new CheckReport.Check("folder", true, "The contact folder '" + folderName + "' exists and its contacts can be read.");
        } catch (GraphCallException e) {
            return new CheckReport.Check("folder", false, "The contact folder '" + folderName + "' exists but its contacts cannot be read ("
                    + e.failure().reason() + "). Check that no policy restricts it, or rename it so that the gateway starts a new one.");
        }
    }
}

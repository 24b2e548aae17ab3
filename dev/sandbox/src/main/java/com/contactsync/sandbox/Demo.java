package com.contactsync.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;

/**
 * The demo company: its BC contacts, three users (one without a filter, one with a filter, one without a Microsoft
 * 365 e-mail), a FULL sync for each user who can sync, a report of what each run did and why, and a check through
 * the simulator's Graph API that every folder holds exactly the user's target set.
 */
final class Demo {

    static final String FOLDER = "Business Central";
    /** The tag every contact the system writes carries (DESIGN.md, "Microsoft Graph"). */
    static final String TAG = "String {5f1d3c8e-7a2b-4c1e-9d4a-2b6e8f0a1c37} Name BcContactNo";
    static final String CONTACT_EVENTS = "bc.contact.events.v1";
    static final String ORCHESTRATOR_GROUP = "sync-orchestrator";

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration FOLDER_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int WRITERS = 6;
    private static final Set<String> FINISHED = Set.of("SUCCEEDED", "PARTIAL", "FAILED");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserResult(String user, String status, Integer expected, Integer inOutlook, Map<String, Integer> counts,
                      String error) {
    }

    /** HTTP statuses of Ben's runs without a token and with his own, and of Anna's runs with his token. */
    record Access(int withoutToken, int ownRuns, int othersRuns) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Summary(boolean converged, int users, int contactsCreated, int contactsInOutlook, double seconds,
                   List<UserResult> perUser, Access access, String error) {
    }

    /** What the demo knows of a user at the end: expected and found contacts, the run. */
    private static final class UserState {
        final DemoCompany.User user;
        final Set<String> expected = new HashSet<>();
        String runId;
        JsonNode run;
        Folder folder = Folder.EMPTY;
        String refused;

        UserState(DemoCompany.User user) {
            this.user = user;
        }
    }

    private final Api api;
    private final String contactService;
    private final String orchestrator;
    private final String simulator;
    private final String bootstrapServers;
    private final DemoCompany company;
    private final Progress progress;
    private final PrintStream out;
    private Access access;

    Demo(Api api, Map<Service, String> urls, String bootstrapServers, int size, Progress progress,
         PrintStream out) {
        this.api = api;
        this.contactService = urls.get(Service.CONTACT_SERVICE);
        this.orchestrator = urls.get(Service.SYNC_ORCHESTRATOR);
        this.simulator = urls.get(Service.GRAPH_SIMULATOR);
        this.bootstrapServers = bootstrapServers;
        this.company = new DemoCompany(size);
        this.progress = progress;
        this.out = out;
    }

    Summary run() throws InterruptedException {
        Instant began = Instant.now();
        List<UserState> users = DemoCompany.USERS.stream().map(UserState::new).toList();
        int created = 0;
        try {
            if (!api.get(contactService + "/api/v1/contacts?size=1").ok("listing contacts").json()
                    .path("items").isEmpty()) {
                throw new IllegalStateException("contact-service already holds contacts (a reused --data-dir?): the"
                        + " demo loads its company into an empty system only; --no-demo starts without it");
            }
            JsonNode limits = api.get(simulator + "/_simulator/limits").ok("reading the limits").json()
                    .path("global");
            say(limits.path("enabled").asBoolean()
                    ? "the simulator enforces Graph's per-mailbox limits (" + limits.path("maxConcurrentRequests")
                            + " requests at once, " + limits.path("requestsPerWindow") + " per "
                            + limits.path("window").asString() + "); the demo keeps them: a full sync of "
                            + company.size() + " contacts stays well inside, as it must with real Graph"
                    : "the simulator's limits are off");
            Map<String, String> numbers = createContacts();
            created = numbers.size();
            awaitOrchestrator(created);
            String token = api.graphToken();
            for (UserState state : users) {
                setUp(state, numbers, token);
            }
            for (UserState state : users) {
                if (state.refused == null) {
                    state.runId = api.send("POST", userUrl(state) + "/contact-sync/runs", Map.of("mode", "FULL"))
                            .ok("starting a FULL sync of " + state.user.id()).json().required("runId")
                            .asString();
                }
            }
            awaitRuns(users);
            awaitFolders(users, token);
            report(users);
            access = access();
            return summary(users, created, began, null);
        } catch (RuntimeException | ExecutionException e) {
            progress.done("demo failed: " + e.getMessage());
            return summary(users, created, began, e.getMessage());
        }
    }

    /** Companies first (people name theirs), then people; returns BC's number for every demo contact by key. */
    private Map<String, String> createContacts() throws InterruptedException, ExecutionException {
        say("demo company: " + company.companies().size() + " companies and " + company.persons().size()
                + " people in 10 cities (" + company.withoutEmail() + " without e-mail, " + company.privacyBlocked()
                + " privacy-blocked, " + company.sharingEmails() + " sharing an e-mail address with someone)");
        Map<String, String> numbers = new LinkedHashMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<String>> companies = company.companies().stream()
                    .map(c -> writers.submit(() -> post(c.fields()))).toList();
            for (int i = 0; i < companies.size(); i++) {
                numbers.put(company.companies().get(i).key(), companies.get(i).get());
                progress.update("creating BC contacts " + Progress.bar(numbers.size(), company.size()));
            }
            List<Future<String>> persons = new ArrayList<>();
            for (DemoCompany.Person person : company.persons()) {
                Map<String, Object> fields = new LinkedHashMap<>(person.fields());
                fields.put("companyNo", numbers.get(person.companyKey()));
                persons.add(writers.submit(() -> post(fields)));
            }
            for (int i = 0; i < persons.size(); i++) {
                numbers.put("person-" + i, persons.get(i).get());
                progress.update("creating BC contacts " + Progress.bar(numbers.size(), company.size()));
            }
        } finally {
            writers.shutdownNow();
        }
        progress.done("created " + numbers.size() + " BC contacts in contact-service");
        return numbers;
    }

    private String post(Map<String, Object> contact) {
        return api.send("POST", contactService + "/api/v1/contacts", contact).ok("creating a contact").json()
                .required("no").asString();
    }

    /**
     * Waits until the orchestrator has read every contact event, so that the full syncs see the whole company
     * (what arrives later would reach Outlook in realtime anyway, but the runs' counts would not show it).
     */
    private void awaitOrchestrator(int contacts) throws InterruptedException, ExecutionException {
        Instant deadline = Instant.now().plus(CATCH_UP_TIMEOUT);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            while (true) {
                Set<TopicPartition> partitions = admin.describeTopics(List.of(CONTACT_EVENTS)).allTopicNames().get()
                        .get(CONTACT_EVENTS).partitions().stream()
                        .map(p -> new TopicPartition(CONTACT_EVENTS, p.partition())).collect(Collectors.toSet());
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(ORCHESTRATOR_GROUP)
                        .partitionsToOffsetAndMetadata().get();
                long published = ends.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
                        .sum();
                long read = partitions.stream().map(committed::get)
                        .mapToLong(o -> o == null ? 0 : o.offset()).sum();
                if (published >= contacts && read == published) {
                    progress.done("the orchestrator has every contact event (" + read + " read from "
                            + CONTACT_EVENTS + ")");
                    return;
                }
                progress.update("orchestrator reading contact events " + Progress.bar(read, Math.max(contacts,
                        published)));
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the orchestrator read " + read + " of " + published
                            + " contact events within " + CATCH_UP_TIMEOUT.toSeconds() + " s");
                }
                TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
            }
        }
    }

    /** User, mailbox, setup; and the expected folder contents, from the demo's own data. */
    private void setUp(UserState state, Map<String, String> numbers, String token) {
        DemoCompany.User user = state.user;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", user.displayName());
        body.put("m365Email", user.mailbox());
        api.send("PUT", userUrl(state), body).ok("creating user " + user.id());
        if (user.mailbox() != null) {
            api.send("PUT", simulator + "/_simulator/mailboxes/" + user.mailbox(), Map.of())
                    .ok("provisioning mailbox " + user.mailbox());
        }
        if (user.id().equals("anna")) {
            typeContactsByHand(user.mailbox(), token);
        }
        Api.Response setup = api.send("PUT", userUrl(state) + "/contact-sync", Map.of(
                "enabled", true, "folderName", FOLDER, "filter", user.filter(), "realtime", true));
        if (setup.status() == 422) {
            state.refused = setup.json().path("detail").asString();
            say(user.id() + ": the sync setup was refused (" + setup.status() + "), as it should be: "
                    + state.refused);
            return;
        }
        setup.ok("setting up the contact sync of " + user.id());
        for (int i = 0; i < company.persons().size(); i++) {
            if (company.inTargetSet(user, company.persons().get(i))) {
                state.expected.add(numbers.get("person-" + i));
            }
        }
        say(user.id() + " (" + user.mailbox() + "): sync into '" + FOLDER + "' with "
                + (user.filter().isEmpty() ? "no filter" : "filter " + Api.JSON.writeValueAsString(user.filter()))
                + "; expects " + state.expected.size() + " contacts");
    }

    /**
     * Two contacts a person typed into Anna's folder before her first sync: one without an e-mail (not imported,
     * S6) and one with the address of a privacy-blocked BC contact (a duplicate, left alone, S8). The run reports
     * both as skipped; neither is ever deleted (S11).
     */
    private void typeContactsByHand(String mailbox, String token) {
        String blockedEmail = company.persons().stream().filter(p -> p.privacyBlocked() && p.email() != null)
                .map(DemoCompany.Person::email).findFirst().orElseThrow();
        String folders = simulator + "/v1.0/users/" + mailbox + "/contactFolders";
        String folderId = api.send("POST", folders, Map.of("displayName", FOLDER), token)
                .ok("creating Anna's folder").json().required("id").asString();
        api.send("POST", folders + "/" + folderId + "/contacts", Map.of(
                        "givenName", "Rita", "surname", "Berger", "displayName", "Rita Berger (trade fair)",
                        "businessPhones", List.of("+49 171 5550123")), token)
                .ok("typing a contact without e-mail");
        api.send("POST", folders + "/" + folderId + "/contacts", Map.of(
                        "givenName", "Private", "surname", "Person", "displayName", "Private Person",
                        "emailAddresses", List.of(Map.of("name", "Private Person", "address", blockedEmail))), token)
                .ok("typing a contact with a privacy-blocked address");
        say("anna: two contacts typed by hand into her folder beforehand (one without e-mail, one with the"
                + " address of a privacy-blocked BC contact)");
    }

    private void awaitRuns(List<UserState> users) throws InterruptedException {
        List<UserState> running = users.stream().filter(u -> u.runId != null).toList();
        Instant deadline = Instant.now().plus(RUN_TIMEOUT);
        while (true) {
            StringBuilder status = new StringBuilder("full sync");
            boolean allFinished = true;
            for (UserState state : running) {
                state.run = api.get(userUrl(state) + "/contact-sync/runs/" + state.runId, null)
                        .ok("reading the run of " + state.user.id()).json();
                String runStatus = state.run.path("status").asString();
                allFinished &= FINISHED.contains(runStatus);
                status.append("  ").append(state.user.id()).append(' ').append(runStatus).append(' ')
                        .append(Progress.bar(state.run.path("counts").path("created").asInt(),
                                state.expected.size()));
            }
            if (allFinished) {
                progress.done(status.toString());
                return;
            }
            progress.update(status.toString());
            if (Instant.now().isAfter(deadline)) {
                progress.done(status + " (not finished after " + RUN_TIMEOUT.toSeconds() + " s)");
                return;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    /** Until every folder holds exactly its user's target set, tagged, or the time is up. */
    private void awaitFolders(List<UserState> users, String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(FOLDER_TIMEOUT);
        while (true) {
            boolean all = true;
            for (UserState state : users) {
                if (state.refused == null) {
                    state.folder = folder(state.user.mailbox(), token);
                    all &= state.folder.tagged().equals(state.expected) && state.folder.duplicates() == 0;
                }
            }
            if (all || Instant.now().isAfter(deadline)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    private void report(List<UserState> users) {
        out.println();
        out.println("Demo: what the first full sync did for each user");
        for (UserState state : users) {
            DemoCompany.User user = state.user;
            if (state.refused != null) {
                out.printf("  %s (%s): no Microsoft 365 e-mail, so no sync. The setup was refused with 422:%n"
                        + "      %s%n", user.id(), user.displayName(), state.refused);
                continue;
            }
            JsonNode run = state.run == null ? Api.JSON.createObjectNode() : state.run;
            JsonNode counts = run.path("counts");
            out.printf("  %s (%s, %s), %s: FULL sync %s%n", user.id(), user.displayName(), user.mailbox(),
                    user.filter().isEmpty() ? "no filter" : "filter " + Api.JSON.writeValueAsString(user.filter()),
                    run.path("status").asString("did not answer"));
            out.printf("      created %d, updated %d, deleted %d, linked %d, imported %d, skipped %d, failed %d%n",
                    counts.path("created").asInt(), counts.path("updated").asInt(), counts.path("deleted").asInt(),
                    counts.path("linked").asInt(), counts.path("imported").asInt(), counts.path("skipped").asInt(),
                    counts.path("failed").asInt());
            DemoCompany.Exclusions why = company.exclusions(user);
            out.printf("      not in the target set: %d companies, %d people without e-mail, %d privacy-blocked%s%n",
                    why.companies(), why.withoutEmail(), why.privacyBlocked(),
                    user.filter().isEmpty() ? "" : ", " + why.outsideFilter() + " outside the filter");
            int shown = 0;
            for (JsonNode problem : run.path("problems")) {
                if (shown++ == 5) {
                    out.printf("      ... and %d more problems: GET %s/contact-sync/runs/%s%n",
                            run.path("problems").size() - 5, userUrl(state), state.runId);
                    break;
                }
                out.printf("      problem: %s%s%n", problem.path("message").asString(),
                        problem.hasNonNull("contactNo") ? " (" + problem.get("contactNo").asString() + ")" : "");
            }
            out.printf("      folder '%s': %d contacts tagged BcContactNo (expected %d)%s%s%n", FOLDER,
                    state.folder.tagged().size(), state.expected.size(),
                    state.folder.untagged() == 0 ? "" : ", " + state.folder.untagged() + " typed by hand, left alone",
                    state.folder.duplicates() == 0 ? "" : ", " + state.folder.duplicates() + " DUPLICATES");
        }
        out.println();
    }

    private Summary summary(List<UserState> users, int created, Instant began, String error) {
        List<UserResult> results = new ArrayList<>();
        boolean converged = error == null;
        int inOutlook = 0;
        for (UserState state : users) {
            if (state.refused != null) {
                results.add(new UserResult(state.user.id(), "REFUSED", null, null, null, state.refused));
                continue;
            }
            boolean ok = state.folder.tagged().equals(state.expected) && state.folder.duplicates() == 0;
            converged &= ok;
            inOutlook += state.folder.tagged().size();
            Map<String, Integer> counts = new LinkedHashMap<>();
            if (state.run != null) {
                state.run.path("counts").properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
            }
            results.add(new UserResult(state.user.id(), state.run == null ? null : state.run.path("status").asString(),
                    state.expected.size(), state.folder.tagged().size(), counts,
                    ok ? null : "folder differs from the target set"));
        }
        // The user without a mailbox must have been refused: that is part of what the demo shows
        converged &= users.stream().filter(u -> u.user.mailbox() == null).allMatch(u -> u.refused != null);
        return new Summary(converged, users.size(), created, inOutlook, secondsSince(began), results, access, error);
    }

    /**
     * What a person may see: Ben, with a token of his own (as the simulator makes them for the sandbox), reads his
     * runs but not Anna's; without a token nobody reads anything.
     */
    private Access access() {
        String runs = orchestrator + "/api/v1/users/%s/contact-sync/runs";
        String ben = api.personToken("ben");
        Access access = new Access(new Api().get(runs.formatted("ben")).status(),
                api.get(runs.formatted("ben"), ben).status(), api.get(runs.formatted("anna"), ben).status());
        say("access: ben's runs without a token " + access.withoutToken() + ", with his own token "
                + access.ownRuns() + "; anna's runs with ben's token " + access.othersRuns());
        return access;
    }

    private String userUrl(UserState state) {
        return orchestrator + "/api/v1/users/" + state.user.id();
    }

    /** A user's folder as Outlook shows it: the BC numbers of the tagged contacts, and the untagged ones. */
    private record Folder(Set<String> tagged, int untagged, int duplicates) {
        static final Folder EMPTY = new Folder(Set.of(), 0, 0);
    }

    private Folder folder(String mailbox, String token) {
        String user = simulator + "/v1.0/users/" + mailbox;
        JsonNode folders = api.get(user + "/contactFolders?$filter="
                + Api.encode("displayName eq '" + FOLDER + "'"), token).ok("reading contact folders").json();
        if (folders.path("value").isEmpty()) {
            return Folder.EMPTY;
        }
        String next = user + "/contactFolders/" + folders.path("value").get(0).required("id").asString()
                + "/contacts?$top=1000&$select=displayName&$expand="
                + Api.encode("singleValueExtendedProperties($filter=id eq '" + TAG + "')");
        Set<String> tagged = new HashSet<>();
        int untagged = 0;
        int duplicates = 0;
        while (next != null) {
            JsonNode page = api.get(next, token).ok("reading contacts").json();
            for (JsonNode contact : page.path("value")) {
                String no = null;
                for (JsonNode property : contact.path("singleValueExtendedProperties")) {
                    if (property.path("id").asString().equalsIgnoreCase(TAG)) {
                        no = property.path("value").asString();
                    }
                }
                if (no == null) {
                    untagged++;
                } else if (!tagged.add(no.toUpperCase(Locale.ROOT))) {
                    duplicates++;
                }
            }
            next = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asString() : null;
        }
        return new Folder(tagged, untagged, duplicates);
    }

    private void say(String line) {
        progress.done(line);
    }

    private static double secondsSince(Instant began) {
        return Math.round(Duration.between(began, Instant.now()).toMillis() / 100.0) / 10.0;
    }
}

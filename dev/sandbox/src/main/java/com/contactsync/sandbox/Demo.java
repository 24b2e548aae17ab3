package com.contactsync.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code --exit-after-demo}: one user who syncs, a few BC contacts, and a bounded wait until they are in the user's
 * simulated mailbox, read the way Outlook would show them (through the simulator's Graph API).
 */
final class Demo {

    static final String USER_ID = "anna";
    static final String MAILBOX = "anna@sandbox.example";
    static final String FOLDER = "Business Central";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);

    /** The demo's BC contacts: persons with an e-mail, so every one of them is in the user's target set. */
    static final List<Map<String, Object>> CONTACTS = List.of(
            person("Ada", "Lovelace", "Analytical Engines Ltd", "London", "GB"),
            person("Grace", "Hopper", "Harvard Computation Lab", "Cambridge", "US"),
            person("Alan", "Turing", "Bletchley Park", "Milton Keynes", "GB"),
            person("Katherine", "Johnson", "NASA Langley", "Hampton", "US"),
            person("Edsger", "Dijkstra", "Mathematisch Centrum", "Amsterdam", "NL"));

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Summary(boolean converged, int users, int contactsCreated, int contactsInOutlook, double seconds,
                   String error) {
    }

    private final Http http;
    private final String contactService;
    private final String orchestrator;
    private final String simulator;

    Demo(Http http, String contactService, String orchestrator, String simulator) {
        this.http = http;
        this.contactService = contactService;
        this.orchestrator = orchestrator;
        this.simulator = simulator;
    }

    Summary run() throws InterruptedException {
        Instant began = Instant.now();
        int created = 0;
        int inOutlook = 0;
        try {
            http.send("PUT", simulator + "/_simulator/mailboxes/" + MAILBOX, Map.of())
                    .expectOk("provisioning mailbox " + MAILBOX);
            http.send("PUT", orchestrator + "/api/v1/users/" + USER_ID,
                            Map.of("displayName", "Anna Sandbox", "m365Email", MAILBOX))
                    .expectOk("creating user " + USER_ID);
            http.send("PUT", orchestrator + "/api/v1/users/" + USER_ID + "/contact-sync",
                            Map.of("enabled", true, "folderName", FOLDER, "filter", Map.of(), "realtime", true))
                    .expectOk("setting up the contact sync of " + USER_ID);
            Sandbox.say("demo: mailbox " + MAILBOX + " and user " + USER_ID + " with a '" + FOLDER + "' sync");
            Set<String> emails = new HashSet<>();
            for (Map<String, Object> contact : CONTACTS) {
                http.send("POST", contactService + "/api/v1/contacts", contact).expectOk("creating a contact");
                emails.add(((String) contact.get("email")).toLowerCase(Locale.ROOT));
                created++;
            }
            Sandbox.say("demo: " + created + " BC contacts created; waiting up to " + TIMEOUT.toSeconds()
                    + " s for them in the mailbox");
            String token = token();
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (true) {
                Folder folder = folder(token);
                inOutlook = folder.contacts();
                // As many contacts as created, with their addresses: all there, none twice
                if (folder.contacts() == created && folder.emails().equals(emails)) {
                    return new Summary(true, 1, created, inOutlook, secondsSince(began), null);
                }
                if (Instant.now().isAfter(deadline)) {
                    return new Summary(false, 1, created, inOutlook, secondsSince(began),
                            "not in the mailbox after " + TIMEOUT.toSeconds() + " s");
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (IOException | RuntimeException e) {
            return new Summary(false, 1, created, inOutlook, secondsSince(began), e.getMessage());
        }
    }

    private String token() throws IOException, InterruptedException {
        return http.postForm(simulator + "/" + Sandbox.SIMULATOR_TENANT + "/oauth2/v2.0/token", Map.of(
                        "grant_type", "client_credentials",
                        "client_id", Sandbox.SIMULATOR_CLIENT_ID,
                        "client_secret", Sandbox.SIMULATOR_CLIENT_SECRET,
                        "scope", "https://graph.microsoft.com/.default"))
                .expectOk("the simulator's token endpoint")
                .json().required("access_token").asString();
    }

    /** What the user's folder holds: how many contacts, with which e-mail addresses. */
    private record Folder(int contacts, Set<String> emails) {
    }

    private Folder folder(String token) throws IOException, InterruptedException {
        String user = simulator + "/v1.0/users/" + MAILBOX;
        JsonNode folders = http.get(user + "/contactFolders?$filter="
                + Http.encode("displayName eq '" + FOLDER + "'"), token).expectOk("reading contact folders").json();
        if (folders.path("value").isEmpty()) {
            return new Folder(0, Set.of());
        }
        String next = user + "/contactFolders/" + folders.path("value").get(0).required("id").asString() + "/contacts";
        Set<String> emails = new HashSet<>();
        int contacts = 0;
        while (next != null) {
            JsonNode page = http.get(next, token).expectOk("reading contacts").json();
            for (JsonNode contact : page.path("value")) {
                contacts++;
                contact.path("emailAddresses").forEach(a -> emails.add(a.path("address").asString()
                        .toLowerCase(Locale.ROOT)));
            }
            next = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asString() : null;
        }
        return new Folder(contacts, emails);
    }

    private static double secondsSince(Instant began) {
        return Math.round(Duration.between(began, Instant.now()).toMillis() / 100.0) / 10.0;
    }

    private static Map<String, Object> person(String firstName, String surname, String company, String city,
                                              String country) {
        return Map.of(
                "type", "PERSON",
                "name", firstName + " " + surname,
                "firstName", firstName,
                "surname", surname,
                "email", (firstName + "." + surname + "@example.com").toLowerCase(Locale.ROOT),
                "companyName", company,
                "city", city,
                "countryRegionCode", country);
    }
}

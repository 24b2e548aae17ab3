package com.contactsync.sandbox;

/**
 * Copy-paste {@code curl} and {@code kcat} lines for a running sandbox, with its own URLs in them. The services'
 * REST APIs want a bearer token: the first lines get one from the simulator, the sandbox's issuer.
 */
final class TryCommands {

    private static final String JSON = "-H 'Content-Type: application/json'";
    private static final String AUTH = "-H \"Authorization: Bearer $TOKEN\"";
    /** The access token out of the token endpoint's JSON, with nothing but sed. */
    private static final String ACCESS_TOKEN = " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')";

    private TryCommands() {
    }

    static String lines(String contacts, String orchestrator, String simulator, String tokenUrl, String kafka,
                        boolean demo) {
        StringBuilder out = new StringBuilder();
        String users = orchestrator + "/api/v1/users";
        comment(out, "An admin token for the REST APIs (client credentials; the simulator issues it, Entra ID in"
                + " production)");
        line(out, "TOKEN=$(" + clientCredentials(tokenUrl, SimulatorTokens.API_SCOPE) + ACCESS_TOKEN);
        if (demo) {
            comment(out, "Every user's sync at a glance, and Ben's runs with their counts and problems");
            line(out, "curl -s " + AUTH + " " + orchestrator + "/api/v1/contact-sync/status");
            line(out, "curl -s " + AUTH + " " + users + "/ben/contact-sync/runs");
            comment(out, "Ben's own token: his runs, yes; Anna's, 403");
            line(out, "BEN=$(curl -s -X POST " + simulator + "/_simulator/tokens " + JSON
                    + " -d '{\"userId\":\"ben\"}'" + ACCESS_TOKEN);
            line(out, "curl -s -H \"Authorization: Bearer $BEN\" " + users + "/ben/contact-sync/runs");
            line(out, "curl -s -o /dev/null -w '%{http_code}\\n' -H \"Authorization: Bearer $BEN\" " + users
                    + "/anna/contact-sync/runs");
            comment(out, "Realtime: a new person in München for salesperson JR appears in Anna's and Ben's folders"
                    + " within seconds");
            line(out, "curl -s " + AUTH + " -X POST " + contacts + "/api/v1/contacts " + JSON
                    + " -d '{\"type\":\"PERSON\",\"firstName\":\"Ada\",\"surname\":\"Lovelace\","
                    + "\"email\":\"ada.lovelace@example.com\",\"city\":\"München\",\"salespersonCode\":\"JR\"}'");
            comment(out, "Ben's filter, in Business Central's syntax, over the BC contacts");
            line(out, "curl -s " + AUTH + " -G " + contacts + "/api/v1/contacts --data-urlencode 'filter={\"city\":"
                    + "\"@berlin|@münchen\",\"salespersonCode\":\"JR|MK\"}' --data-urlencode size=5");
            comment(out, "Carl has no Microsoft 365 e-mail: his setup is refused (422)");
            line(out, "curl -s " + AUTH + " -X PUT " + users + "/carl/contact-sync " + JSON + " -d '{\"enabled\":true}'");
            comment(out, "Another full sync of Anna's folder (nothing to do: creates nothing twice)");
            line(out, "curl -s " + AUTH + " -X POST " + users + "/anna/contact-sync/runs " + JSON + " -d '{\"mode\":\"FULL\"}'");
        } else {
            comment(out, "A user with a mailbox and a sync, then a BC contact that reaches the folder");
            line(out, "curl -s -X PUT " + simulator + "/_simulator/mailboxes/anna@sandbox.example");
            line(out, "curl -s " + AUTH + " -X PUT " + users + "/anna " + JSON
                    + " -d '{\"displayName\":\"Anna Schmidt\",\"m365Email\":\"anna@sandbox.example\"}'");
            line(out, "curl -s " + AUTH + " -X PUT " + users + "/anna/contact-sync " + JSON
                    + " -d '{\"enabled\":true,\"folderName\":\"" + Demo.FOLDER + "\",\"filter\":{},\"realtime\":true}'");
            line(out, "curl -s " + AUTH + " -X POST " + contacts + "/api/v1/contacts " + JSON
                    + " -d '{\"type\":\"PERSON\",\"firstName\":\"Ada\",\"surname\":\"Lovelace\","
                    + "\"email\":\"ada.lovelace@example.com\"}'");
        }
        comment(out, "Anna's folder as Outlook sees it: a Graph token from the simulator, then Graph");
        line(out, "GRAPH=$(" + clientCredentials(tokenUrl, SimulatorTokens.GRAPH_SCOPE) + ACCESS_TOKEN);
        line(out, "curl -s -H \"Authorization: Bearer $GRAPH\" '" + simulator
                + "/v1.0/users/anna@sandbox.example/contactFolders'");
        comment(out, "Kafka: the latest contact events; a request from another system; the dead letters");
        line(out, "kcat -C -b " + kafka + " -t bc.contact.events.v1 -o -2 -e -f '%k %h\\n%s\\n\\n'");
        line(out, "echo '{\"contact\":{\"type\":\"PERSON\",\"name\":\"Jan Novák\",\"firstName\":\"Jan\","
                + "\"surname\":\"Novák\",\"email\":\"jan.novak@novak-stavby.cz\",\"city\":\"Brno\"},"
                + "\"externalId\":\"crm-4711\"}' | kcat -P -b " + kafka + " -t bc.contact.requests.v1 -k crm-4711"
                + " -H ce_specversion=1.0 -H ce_id=$(cat /proc/sys/kernel/random/uuid) -H ce_source=urn:example:crm"
                + " -H ce_type=contactsync.contact.upsert-requested.v1 -H ce_time=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
                + " -H content-type=application/json");
        line(out, "kcat -C -b " + kafka + " -t bc.contact.requests.v1.dlq -o beginning -e -f '%k %h\\n%s\\n\\n'");
        comment(out, "The simulator: Graph requests by path and status; a 5xx storm to watch the system recover");
        line(out, "curl -s " + simulator + "/_simulator/stats");
        line(out, "curl -s -X PUT " + simulator + "/_simulator/faults " + JSON + " -d '{\"serverErrorRate\":0.2}'");
        return out.toString();
    }

    private static String clientCredentials(String tokenUrl, String scope) {
        return "curl -s " + tokenUrl + " -d grant_type=client_credentials -d client_id=" + SimulatorTokens.CLIENT_ID
                + " -d client_secret=" + SimulatorTokens.CLIENT_SECRET + " -d scope=" + scope;
    }

    private static void comment(StringBuilder out, String text) {
        out.append("  # ").append(text).append(System.lineSeparator());
    }

    private static void line(StringBuilder out, String text) {
        out.append("  ").append(text).append(System.lineSeparator());
    }
}

package com.contactsync.graphsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What the simulator serves checked against Graph's own schema excerpt (contact-schema.csdl.xml), not against itself. */
class ContactSchemaConformanceTest {

    private static final Set<String> SERVER_SET = Set.of("id", "changeKey", "createdDateTime", "lastModifiedDateTime", "parentFolderId");

    /** Type name (without the {@code graph.} alias) → property name → property type, base types folded in. */
    private static Map<String, Map<String, String>> types;
    /** Names of navigation properties: not set as values on a contact. */
    private static final Set<String> navigation = new HashSet<>();

    private final RunningSimulator simulator = RunningSimulator.get();
    private final String token = simulator.token();
    private final String mailbox = simulator.newMailbox();

    @BeforeAll
    static void readSchema() throws Exception {
        Map<String, Map<String, String>> own = new HashMap<>();
        Map<String, String> baseTypes = new HashMap<>();
        try (InputStream xml = ContactSchemaConformanceTest.class.getResourceAsStream("/contact-schema.csdl.xml")) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var document = factory.newDocumentBuilder().parse(xml);
            for (String kind : List.of("EntityType", "ComplexType")) {
                NodeList nodes = document.getElementsByTagNameNS("*", kind);
                for (int i = 0; i < nodes.getLength(); i++) {
                    Element type = (Element) nodes.item(i);
                    Map<String, String> properties = new LinkedHashMap<>();
                    for (String member : List.of("Property", "NavigationProperty")) {
                        NodeList children = type.getElementsByTagNameNS("*", member);
                        for (int j = 0; j < children.getLength(); j++) {
                            Element property = (Element) children.item(j);
                            properties.put(property.getAttribute("Name"), property.getAttribute("Type"));
                            if (member.equals("NavigationProperty")) {
                                navigation.add(property.getAttribute("Name"));
                            }
                        }
                    }
                    own.put(type.getAttribute("Name"), properties);
                    if (type.hasAttribute("BaseType")) {
                        baseTypes.put(type.getAttribute("Name"), type.getAttribute("BaseType").replace("graph.", ""));
                    }
                }
            }
        }
        types = new HashMap<>();
        for (String name : own.keySet()) {
            Map<String, String> all = new LinkedHashMap<>();
            for (String t = name; t != null; t = baseTypes.get(t)) {
                own.get(t).forEach(all::putIfAbsent);
            }
            types.put(name, all);
        }
    }

    @Test
    void everyPropertyTheSimulatorReturnsForAContactIsInGraphsSchema() {
        ObjectNode sent = everyStructuralProperty();
        sent.putArray("singleValueExtendedProperties").addObject()
                .put("id", GraphSdkContactsTest.TAG).put("value", "CT000001");
        String folderId = post("/contactFolders", JsonNodeFactory.instance.objectNode().put("displayName", "Business Central"))
                .get("id").asString();
        JsonNode created = post("/contactFolders/" + folderId + "/contacts", sent);

        String expand = "singleValueExtendedProperties($filter=id eq '" + GraphSdkContactsTest.TAG + "')";
        JsonNode read = get("/contacts/" + created.get("id").asString() + "?$expand=" + URLEncoder.encode(expand, StandardCharsets.UTF_8));
        JsonNode listed = get("/contactFolders/" + folderId + "/contacts?$expand=" + URLEncoder.encode(expand, StandardCharsets.UTF_8));

        List<String> unknown = new ArrayList<>();
        collectUnknown("contact", created, "created", unknown);
        collectUnknown("contact", read, "read", unknown);
        for (JsonNode item : listed.get("value")) {
            collectUnknown("contact", item, "listed", unknown);
        }
        assertThat(unknown).isEmpty();
        assertThat(read.get("singleValueExtendedProperties")).hasSize(1);
        assertThat(listed.get("value")).hasSize(1);
    }

    @Test
    void everyPropertyInPatchAnswersDeltaPagesAndBatchAnswersIsInGraphsSchema() {
        String folderId = post("/contactFolders", JsonNodeFactory.instance.objectNode().put("displayName", "Business Central"))
                .get("id").asString();
        JsonNode kept = post("/contactFolders/" + folderId + "/contacts", everyStructuralProperty());
        JsonNode removed = post("/contactFolders/" + folderId + "/contacts", everyStructuralProperty());
        String deltaLink = get("/contactFolders/" + folderId + "/contacts/delta()").get("@odata.deltaLink").asString();

        JsonNode patched = send("PATCH", "/contacts/" + kept.get("id").asString(), JsonNodeFactory.instance.objectNode().put("jobTitle", "x"), 200);
        send("DELETE", "/contacts/" + removed.get("id").asString(), null, 204);
        JsonNode changes = getUrl(deltaLink);
        JsonNode batch = batch("{\"requests\":[{\"id\":\"1\",\"method\":\"POST\",\"url\":\"/users/" + mailbox + "/contactFolders/"
                + folderId + "/contacts\",\"headers\":{\"Content-Type\":\"application/json\"},\"body\":" + everyStructuralProperty()
                + "},{\"id\":\"2\",\"method\":\"GET\",\"url\":\"/users/" + mailbox + "/contactFolders\"}]}");

        List<String> unknown = new ArrayList<>();
        collectUnknown("contact", patched, "patched", unknown);
        changes.get("value").forEach(item -> collectUnknown("contact", item, "delta", unknown));
        for (JsonNode answer : batch.get("responses")) {
            JsonNode body = answer.get("body");
            if (answer.get("id").asString().equals("1")) {
                collectUnknown("contact", body, "batch create", unknown);
            } else {
                body.get("value").forEach(folder -> collectUnknown("contactFolder", folder, "batch folders", unknown));
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(changes.get("value")).hasSize(2);
        assertThat(batch.get("responses")).extracting(answer -> answer.get("status").asInt()).containsExactlyInAnyOrder(201, 200);
    }

    @Test
    void everyStructuralPropertyOfGraphsSchemaIsStoredAndReturnedAsSent() {
        ObjectNode sent = everyStructuralProperty();
        String folderId = post("/contactFolders", JsonNodeFactory.instance.objectNode().put("displayName", "All fields"))
                .get("id").asString();

        JsonNode read = get("/contacts/" + post("/contactFolders/" + folderId + "/contacts", sent).get("id").asString());

        for (Map.Entry<String, JsonNode> property : sent.properties()) {
            assertThat(read.get(property.getKey())).as(property.getKey()).isEqualTo(property.getValue());
        }
        assertThat(read.get("parentFolderId").asString()).isEqualTo(folderId);
    }

    @Test
    void everyPropertyTheSimulatorReturnsForAFolderIsInGraphsSchema() {
        post("/contactFolders", JsonNodeFactory.instance.objectNode().put("displayName", "Business Central"));

        List<String> unknown = new ArrayList<>();
        for (JsonNode folder : get("/contactFolders").get("value")) {
            collectUnknown("contactFolder", folder, "folder", unknown);
        }
        assertThat(unknown).isEmpty();
    }

    /** A value of the declared type for each structural property of a contact the client may set. */
    private static ObjectNode everyStructuralProperty() {
        ObjectNode contact = JsonNodeFactory.instance.objectNode();
        types.get("contact").forEach((name, type) -> {
            if (SERVER_SET.contains(name) || navigation.contains(name)) {
                return;
            }
            switch (type) {
                case "Edm.String" -> contact.put(name, name + " value");
                case "Edm.DateTimeOffset" -> contact.put(name, "1990-05-17T00:00:00Z");
                case "Collection(Edm.String)" -> contact.putArray(name).add(name + " 1").add(name + " 2");
                case "graph.emailAddress" -> contact.putObject(name).put("name", "Ada").put("address", name + "@example.com");
                case "Collection(graph.emailAddress)" -> contact.putArray(name).addObject().put("name", "Ada").put("address", "ada@example.com");
                case "graph.physicalAddress" -> contact.putObject(name).put("street", "1 Main St").put("city", "Town")
                        .put("state", "State").put("postalCode", "12345").put("countryOrRegion", "DE");
                default -> throw new AssertionError("test does not know type " + type + " of " + name);
            }
        });
        return contact;
    }

    /** Walks a returned object and lists every property its schema type does not declare (instance annotations aside). */
    private static void collectUnknown(String typeName, JsonNode node, String where, List<String> unknown) {
        Map<String, String> properties = types.get(typeName);
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = entry.getKey();
            if (name.startsWith("@")) {
                continue;
            }
            String type = properties.get(name);
            if (type == null) {
                unknown.add(where + ": " + typeName + "." + name);
                continue;
            }
            String element = type.replaceFirst("^Collection\\((.*)\\)$", "$1").replace("graph.", "");
            if (types.containsKey(element)) {
                JsonNode value = entry.getValue();
                for (JsonNode item : value.isArray() ? value : List.of(value)) {
                    if (item.isObject()) {
                        collectUnknown(element, item, where + "." + name, unknown);
                    }
                }
            }
        }
    }

    private JsonNode post(String path, JsonNode body) {
        return send("POST", path, body, 201);
    }

    private JsonNode get(String pathAndQuery) {
        return getUrl(simulator.url("/v1.0/users/" + mailbox + pathAndQuery));
    }

    private JsonNode getUrl(String url) {
        HttpResponse<String> response = simulator.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return simulator.json.readTree(response.body());
    }

    private JsonNode send(String method, String path, JsonNode body, int status) {
        HttpResponse<String> response = simulator.send(request(path)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : simulator.json.readTree(response.body());
    }

    private JsonNode batch(String body) {
        HttpResponse<String> response = simulator.send(HttpRequest.newBuilder(URI.create(simulator.url("/v1.0/$batch")))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return simulator.json.readTree(response.body());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(simulator.url("/v1.0/users/" + mailbox + pathAndQuery)))
                .header("Authorization", "Bearer " + token);
    }
}

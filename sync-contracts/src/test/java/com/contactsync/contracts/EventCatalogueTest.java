package com.contactsync.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contracts.cloudevents.CloudEventHeaders;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.schema.ContractSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code docs/events.md}, the catalogue for people, against the contracts: its examples must be valid events. */
class EventCatalogueTest {

    // Surefire runs in the module directory; the catalogue is in the repository's docs/.
    private static final Path CATALOGUE = Path.of("..", "docs", "events.md");
    private static final Pattern TYPE_SECTION = Pattern.compile("(?m)^### `([^`]+)`$");
    private static final Pattern JSON_BLOCK = Pattern.compile("(?s)```json\\n(.*?)\\n```");

    private static String text;

    @BeforeAll
    static void read() throws IOException {
        text = Files.readString(CATALOGUE, StandardCharsets.UTF_8);
    }

    @Test
    void everyTypeHasASectionWithAValidExample() {
        Map<String, String> examples = new LinkedHashMap<>();
        Matcher section = TYPE_SECTION.matcher(text);
        while (section.find()) {
            Matcher json = JSON_BLOCK.matcher(text);
            assertThat(json.find(section.end())).as(section.group(1)).isTrue();
            examples.put(section.group(1), json.group(1));
        }

        assertThat(examples).containsOnlyKeys(EventTypes.DATA_TYPES.keySet());
        examples.forEach((type, json) -> {
            byte[] data = json.getBytes(StandardCharsets.UTF_8);
            assertThat(ContractSchemas.validate(type, data)).as(type).isEmpty();
            assertThat(EventJson.read(data, EventTypes.DATA_TYPES.get(type))).as(type).isNotNull();
        });
    }

    @Test
    void everyTopicAndItsKeyIsListed() {
        for (String topic : Topics.ALL) {
            assertThat(text).contains("| `" + topic + "`");
        }
        assertThat(text).contains(CloudEventHeaders.ERROR_REASON, CloudEventHeaders.ERROR_CLASS);
    }

    @Test
    void kcatExampleProducesAValidUpsertRequest() {
        Matcher command = Pattern.compile("(?s)echo '(\\{.*?})' \\|\\s*kcat -P (.*?)\\n```").matcher(text);
        assertThat(command.find()).isTrue();
        String json = command.group(1);
        String options = command.group(2);

        assertThat(options).contains("-b localhost:9092", "-t " + Topics.BC_CONTACT_REQUESTS, "-k crm-4711");
        Map<String, String> headers = new LinkedHashMap<>();
        Pattern.compile("-H ([^=\\s]+)=(\\S+)").matcher(options).results().forEach(h -> headers.put(h.group(1), h.group(2)));
        assertThat(headers).containsOnlyKeys(List.of(CloudEventHeaders.SPECVERSION, CloudEventHeaders.ID,
                CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.TIME, CloudEventHeaders.CONTENT_TYPE));
        assertThat(headers).containsEntry(CloudEventHeaders.SPECVERSION, "1.0")
                .containsEntry(CloudEventHeaders.TYPE, EventTypes.CONTACT_UPSERT_REQUESTED)
                .containsEntry(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        assertThat(ContractSchemas.validate(EventTypes.CONTACT_UPSERT_REQUESTED, json.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}

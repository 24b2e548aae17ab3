package com.contactsync.graphsim.mailbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One version of a contact. Immutable: a change stores a new version (with a new change key), so readers never
 * need the mailbox's lock. {@link #view()} is the full entity including every extended property, which is what
 * {@code $filter} sees.
 */
public final class StoredContact {

    private final String id;
    private final String folderId;
    private final String changeKey;
    private final Instant created;
    private final long sequence;
    private final ContactSchema.ContactInput state;
    private final ObjectNode view;

    /**
     * @param state what clients have set, without nulls
     * @param sequence the mailbox's change number of this version, which orders delta rounds
     */
    StoredContact(String id, String folderId, Instant created, Instant lastModified, ContactSchema.ContactInput state, long sequence) {
        this.id = id;
        this.folderId = folderId;
        this.changeKey = Ids.newChangeKey();
        this.created = created;
        this.sequence = sequence;
        this.state = state;
        this.view = JsonNodeFactory.instance.objectNode();
        ObjectNode properties = state.properties();
        for (Map.Entry<String, ContactSchema.Type> property : ContactSchema.PROPERTIES.entrySet()) {
            String name = property.getKey();
            JsonNode value = switch (name) {
                case "id" -> view.stringNode(id);
                case "changeKey" -> view.stringNode(changeKey);
                case "parentFolderId" -> view.stringNode(folderId);
                case "createdDateTime" -> view.stringNode(created.truncatedTo(ChronoUnit.SECONDS).toString());
                case "lastModifiedDateTime" -> view.stringNode(lastModified.truncatedTo(ChronoUnit.SECONDS).toString());
                default -> properties.get(name);
            };
            if (value != null) {
                view.set(name, value);
            } else if (!ContactSchema.SHOWN_ONLY_WHEN_SET.contains(name)) {
                view.set(name, ContactSchema.unset(property.getValue()));
            }
        }
        ArrayNode extended = view.putArray(ContactSchema.EXTENDED_PROPERTIES);
        state.extendedProperties().forEach((propertyId, value) -> extended.addObject().put("id", propertyId).put("value", value));
    }

    public String id() {
        return id;
    }

    public String folderId() {
        return folderId;
    }

    public String changeKey() {
        return changeKey;
    }

    /** The next version of this contact, with {@code change} applied. */
    StoredContact patched(ContactSchema.ContactInput change, Instant now, long nextSequence) {
        return new StoredContact(id, folderId, created, now, state.apply(change), nextSequence);
    }

    long sequence() {
        return sequence;
    }

    /**
     * Whether an {@code If-Match} header names this version: {@code *}, or one of its entity tags, weak
     * ({@code W/"..."}) or strong, carries this change key.
     */
    boolean matches(String ifMatch) {
        for (String tag : ifMatch.split(",")) {
            String value = tag.trim();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (value.equals(changeKey)) {
                return true;
            }
        }
        return false;
    }

    /** The full entity with all extended properties; shared, so callers must not change it. */
    public ObjectNode view() {
        return view;
    }

    /**
     * The contact as Graph returns it.
     *
     * @param select the properties asked for with {@code $select}; empty for all
     * @param expandedProperties which extended properties {@code $expand} asked for; null when not expanded
     */
    public ObjectNode render(Set<String> select, Predicate<JsonNode> expandedProperties) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("@odata.etag", "W/\"" + changeKey + "\"");
        for (Map.Entry<String, JsonNode> property : view.properties()) {
            String name = property.getKey();
            boolean selected = select.isEmpty() || select.contains(name) || name.equals("id");
            if (selected && !name.equals(ContactSchema.EXTENDED_PROPERTIES)) {
                out.set(name, property.getValue());
            }
        }
        if (expandedProperties != null) {
            ArrayNode matches = out.arrayNode();
            for (JsonNode extended : view.get(ContactSchema.EXTENDED_PROPERTIES)) {
                if (expandedProperties.test(extended)) {
                    matches.add(extended);
                }
            }
            // Graph leaves the navigation property out when nothing matches
            if (!matches.isEmpty()) {
                out.set(ContactSchema.EXTENDED_PROPERTIES, matches);
            }
        }
        return out;
    }
}

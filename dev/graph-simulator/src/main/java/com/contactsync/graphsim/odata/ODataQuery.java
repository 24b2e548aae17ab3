package com.contactsync.graphsim.odata;

import com.contactsync.graphsim.error.GraphException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * The OData system query options of one request.
 *
 * @param filter {@code $filter}, null when absent
 * @param select {@code $select} property names, empty for all
 * @param expand {@code $expand} navigation property → its nested {@code $filter} (accepting all when it has none)
 */
public record ODataQuery(Predicate<JsonNode> filter, Set<String> select, Map<String, Predicate<JsonNode>> expand, int top, int skip) {

    /**
     * @param defaultPageSize the page size when there is no {@code $top} (Graph's is 10 for contacts and folders)
     * @throws GraphException 400 for options Graph would refuse
     */
    public static ODataQuery from(MultiValueMap<String, String> params, int defaultPageSize, int maxPageSize) {
        String filter = params.getFirst("$filter");
        return new ODataQuery(
                filter == null ? null : FilterParser.parse(filter),
                select(params.getFirst("$select")),
                expand(params.getFirst("$expand")),
                number(params.getFirst("$top"), "$top", defaultPageSize, 1, maxPageSize),
                number(params.getFirst("$skip"), "$skip", 0, 0, Integer.MAX_VALUE));
    }

    /** The query of a single-entity read: paging does not apply. */
    public static ODataQuery forEntity(MultiValueMap<String, String> params) {
        return new ODataQuery(null, select(params.getFirst("$select")), expand(params.getFirst("$expand")), 1, 0);
    }

    /** @throws GraphException 400 naming the first selected or expanded property the type does not have */
    public ODataQuery requireProperties(Predicate<String> structural, Set<String> navigation, String typeName) {
        for (String name : select) {
            if (!structural.test(name)) {
                throw unknownProperty(name, typeName);
            }
        }
        for (String name : expand.keySet()) {
            if (!navigation.contains(name)) {
                throw unknownProperty(name, typeName);
            }
        }
        return this;
    }

    private static GraphException unknownProperty(String name, String typeName) {
        return GraphException.badRequest("Parsing OData Select and Expand failed: Could not find a property named '" + name
                + "' on type '" + typeName + "'.");
    }

    private static Set<String> select(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            for (String name : text.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }

    /** {@code name} or {@code name($filter=...)}, comma-separated; commas inside parentheses or quotes belong to the item. */
    private static Map<String, Predicate<JsonNode>> expand(String text) {
        Map<String, Predicate<JsonNode>> expand = new LinkedHashMap<>();
        if (text == null) {
            return expand;
        }
        for (String item : splitTopLevel(text)) {
            int open = item.indexOf('(');
            if (open < 0) {
                expand.put(item.trim(), node -> true);
                continue;
            }
            if (!item.endsWith(")")) {
                throw GraphException.badRequest("Invalid $expand clause: '" + item + "'.");
            }
            String options = item.substring(open + 1, item.length() - 1).trim();
            if (!options.startsWith("$filter=")) {
                throw GraphException.badRequest("Only $filter is supported inside $expand: '" + item + "'.");
            }
            expand.put(item.substring(0, open).trim(), FilterParser.parse(options.substring("$filter=".length())));
        }
        return expand;
    }

    private static List<String> splitTopLevel(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                items.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        items.add(text.substring(start).trim());
        return items;
    }

    private static int number(String text, String option, int absent, int min, int max) {
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw GraphException.badRequest("Invalid value '" + text + "' for " + option + "; expected an integer from " + min
                + " to " + max + ".");
    }
}

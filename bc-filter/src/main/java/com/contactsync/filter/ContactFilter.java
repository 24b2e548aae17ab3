package com.contactsync.filter;

import com.contactsync.contracts.events.ContactSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Business Central filter on contacts: for each field an expression in BC's filter syntax, all fields AND-ed, e.g.
 * {@code {"city": "Berlin|München", "companyNo": "C00010..C00050", "name": "@*gmbh*"}}. Parsed once, it selects the
 * same contacts in memory ({@link #predicate()}) and in PostgreSQL ({@link #toSql}); see {@code docs/filters.md}.
 * Immutable and thread-safe.
 */
public final class ContactFilter {

    /** Longest expression accepted for one field, in characters. */
    public static final int MAX_EXPRESSION_LENGTH = ExpressionParser.MAX_LENGTH;
    /** Most terms (values, comparisons, ranges) accepted in one field's expression. */
    public static final int MAX_TERMS = ExpressionParser.MAX_TERMS;
    /** Deepest nesting of parentheses accepted in one field's expression. */
    public static final int MAX_NESTING_DEPTH = ExpressionParser.MAX_DEPTH;
    /**
     * Most fields a filter can name: each filterable field once (a map cannot repeat a key, and {@link #parseJson}
     * refuses a repeated member), so a filter holds at most this many expressions of {@link #MAX_TERMS} terms each.
     */
    public static final int MAX_FIELDS = ContactField.values().length;
    /** Longest JSON text {@link #parseJson} reads: every field at its longest, with room for escapes. */
    public static final int MAX_JSON_LENGTH = 64 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Map<String, String> expressions;
    private final Map<ContactField, FieldFilter> filters;

    private ContactFilter(Map<String, String> expressions, Map<ContactField, FieldFilter> filters) {
        this.expressions = expressions;
        this.filters = filters;
    }

    /**
     * Parses field → expression. A null or blank expression leaves its field unfiltered (as clearing a filter does in
     * BC); an empty map selects every contact.
     *
     * @throws FilterException for an unknown field or an expression that is malformed, over the limits, or holds a
     *                         value its field cannot have
     */
    public static ContactFilter parse(Map<String, String> fieldExpressions) {
        Objects.requireNonNull(fieldExpressions, "fieldExpressions");
        Map<ContactField, String> texts = new EnumMap<>(ContactField.class);
        Map<ContactField, FieldFilter> filters = new EnumMap<>(ContactField.class);
        fieldExpressions.forEach((name, expression) -> {
            ContactField field = ContactField.named(name);
            // An over-long expression is refused even when blank: the limit is on what a caller may send.
            if (expression != null
                    && (expression.length() > MAX_EXPRESSION_LENGTH || !ExpressionParser.isBlank(expression))) {
                filters.put(field, FieldFilter.bind(field, ExpressionParser.parse(name, expression)));
                texts.put(field, expression);
            }
        });
        Map<String, String> expressions = new LinkedHashMap<>();
        texts.forEach((field, expression) -> expressions.put(field.fieldName, expression));
        return new ContactFilter(Collections.unmodifiableMap(expressions), filters);
    }

    /**
     * Parses a JSON object of field → expression, as the REST API takes it ({@code ?filter={"city":"Berlin"}},
     * URL-encoded). Expressions are JSON strings; {@code true}/{@code false} are taken as text for Boolean fields,
     * and {@code null} leaves a field unfiltered.
     *
     * @throws FilterException as {@link #parse}, and for text that is not such an object
     *                         ({@link FilterException#field()} null, {@link FilterException#position()} the offset
     *                         in the JSON where known)
     */
    public static ContactFilter parseJson(String json) {
        if (json == null) {
            throw new FilterException(null, FilterException.NO_POSITION, "no filter given; send a JSON object such as"
                    + " {\"city\": \"Berlin\"}");
        }
        if (json.length() > MAX_JSON_LENGTH) {
            throw new FilterException(null, MAX_JSON_LENGTH, "the filter has " + json.length()
                    + " characters; at most " + MAX_JSON_LENGTH + " are allowed");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JacksonException e) {
            int position = e.getLocation() == null ? FilterException.NO_POSITION
                    : (int) Math.max(FilterException.NO_POSITION, e.getLocation().getCharOffset());
            throw new FilterException(null, position, "the filter is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new FilterException(null, FilterException.NO_POSITION, "the filter must be a JSON object of field"
                    + " to expression, such as {\"city\": \"Berlin\"}");
        }
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : tree.properties()) {
            JsonNode value = property.getValue();
            if (value.isString()) {
                expressions.put(property.getKey(), value.stringValue());
            } else if (value.isBoolean()) {
                expressions.put(property.getKey(), String.valueOf(value.booleanValue()));
            } else if (value.isNull()) {
                expressions.put(property.getKey(), null);
            } else {
                throw new FilterException(property.getKey(), FilterException.NO_POSITION, "the expression must be a"
                        + " JSON string, not " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
        }
        return parse(expressions);
    }

    /** The expressions that filter, by field name, in a fixed field order; blank ones are not kept. */
    public Map<String, String> expressions() {
        return expressions;
    }

    /** Whether a contact passes every field's expression. */
    public Predicate<ContactSnapshot> predicate() {
        return contact -> filters.values().stream().allMatch(f -> f.test(contact));
    }

    /**
     * The filter as a PostgreSQL condition. It is never NULL for any row, so {@code NOT (where)} selects exactly the
     * contacts the filter does not; an empty filter is {@code TRUE}.
     *
     * @param columnResolver the column expression for a field name (e.g. {@code companyNo → c.company_no}); it is
     *                       trusted SQL, called only with the names of fields the filter uses
     */
    public SqlFragment toSql(Function<String, String> columnResolver) {
        List<Object> parameters = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        filters.forEach((field, filter) -> conditions.add(
                filter.toSql(Objects.requireNonNull(columnResolver.apply(field.fieldName), field.fieldName),
                        parameters)));
        return new SqlFragment(conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions), parameters);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContactFilter filter && expressions.equals(filter.expressions);
    }

    @Override
    public int hashCode() {
        return expressions.hashCode();
    }

    @Override
    public String toString() {
        return "ContactFilter" + expressions;
    }
}

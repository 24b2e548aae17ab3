package com.contactsync.kit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, rendered as {@code application/problem+json} by {@link ProblemAdvice}, with the
 * fields at fault so that a caller can fix the request without reading logs.
 */
public class ApiProblem extends RuntimeException {

    /** One field at fault: which field, which rule it breaks, and what to do about it. */
    public record FieldProblem(String field, String rule, String message) {
    }

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> fields;
    private final Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldProblem> fields) {
        this(status, title, detail, fields, Map.of());
    }

    private ApiProblem(HttpStatus status, String title, String detail, List<FieldProblem> fields,
                       Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fields = List.copyOf(fields);
        this.properties = Map.copyOf(properties);
    }

    /** A request the API cannot make sense of (query parameters, malformed JSON): 400 naming the field and rule. */
    public static ApiProblem badRequest(String field, String rule, String message) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request", field + ": " + message,
                List.of(new FieldProblem(field, rule, message)));
    }

    /** A caller whose token is valid but who may not do this. */
    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    /** An {@code If-Match} the current version does not satisfy. */
    public static ApiProblem preconditionFailed(String detail) {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", detail, List.of());
    }

    public static ApiProblem invalid(List<FieldProblem> fields) {
        String detail = fields.isEmpty() ? "The request is invalid"
                : fields.get(0).field() + ": " + fields.get(0).message();
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", detail, fields);
    }

    public static ApiProblem invalid(String field, String rule, String message) {
        return invalid(List.of(new FieldProblem(field, rule, message)));
    }

    /** The same problem with one more member of the problem document, e.g. the position of a syntax error. */
    public ApiProblem with(String property, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(property, value);
        return new ApiProblem(status, title, getMessage(), fields, more);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

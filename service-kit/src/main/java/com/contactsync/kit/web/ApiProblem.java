package com.contactsync.kit.web;

import java.util.List;
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

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldProblem> fields) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fields = List.copyOf(fields);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, List.of());
    }

    public static ApiProblem invalid(List<FieldProblem> fields) {
        String detail = fields.isEmpty() ? "The request is invalid"
                : fields.get(0).field() + ": " + fields.get(0).message();
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", detail, fields);
    }

    public static ApiProblem invalid(String field, String rule, String message) {
        return invalid(List.of(new FieldProblem(field, rule, message)));
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
}

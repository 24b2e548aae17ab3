package com.contactsync.kit.web;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every refused request of every service as problem+json: Spring's own errors (unreadable body, unsupported media
 * type, ...) as Spring renders them, and field errors with the offending fields under {@code errors}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        detail.setTitle(problem.title());
        if (!problem.fields().isEmpty()) {
            detail.setProperty("errors", problem.fields());
        }
        problem.properties().forEach(detail::setProperty);
        return ResponseEntity.status(problem.status()).body(detail);
    }

    /** Bean Validation failures are field problems too: 422 naming each field and constraint. */
    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<ApiProblem.FieldProblem> fields = e.getFieldErrors().stream()
                .map(error -> new ApiProblem.FieldProblem(error.getField(),
                        error.getCode() == null ? "invalid" : error.getCode(), error.getDefaultMessage()))
                .toList();
        return Mono.just(apiProblem(ApiProblem.invalid(fields)));
    }
}

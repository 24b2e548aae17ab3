package com.contactsync.kit.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;

/** Every refused request of every service as problem+json, with the offending fields under {@code errors}. */
@RestControllerAdvice
public class ProblemAdvice {

    @ExceptionHandler(ApiProblem.class)
    ProblemDetail apiProblem(ApiProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        detail.setTitle(problem.title());
        if (!problem.fields().isEmpty()) {
            detail.setProperty("errors", problem.fields());
        }
        return detail;
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ProblemDetail beanValidation(WebExchangeBindException e) {
        List<ApiProblem.FieldProblem> fields = e.getFieldErrors().stream()
                .map(error -> new ApiProblem.FieldProblem(error.getField(),
                        error.getCode() == null ? "invalid" : error.getCode(), error.getDefaultMessage()))
                .toList();
        return apiProblem(ApiProblem.invalid(fields));
    }

}

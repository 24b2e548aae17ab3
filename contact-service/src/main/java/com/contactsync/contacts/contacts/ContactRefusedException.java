package com.contactsync.contacts.contacts;

import com.contactsync.kit.web.ApiProblem;
import com.contactsync.kit.web.ApiProblem.FieldProblem;
import java.util.List;

/**
 * A write the contact rules refuse. REST answers it with its status; the Kafka intake dead-letters the request with
 * the message as reason.
 */
public class ContactRefusedException extends RuntimeException {

    public enum Reason {
        /** 404: no such contact. */
        NOT_FOUND,
        /** 409: the contact's state forbids it (the number is taken, a company still has persons). */
        CONFLICT,
        /** 422: fields break a rule; {@link #fields()} says which. */
        INVALID,
        /** 412: the stored version is not the one the caller expected. */
        VERSION_MISMATCH
    }

    private final Reason reason;
    private final List<FieldProblem> fields;

    private ContactRefusedException(Reason reason, String message, List<FieldProblem> fields) {
        super(message);
        this.reason = reason;
        this.fields = List.copyOf(fields);
    }

    static ContactRefusedException notFound(String no) {
        return new ContactRefusedException(Reason.NOT_FOUND, "No contact " + no, List.of());
    }

    static ContactRefusedException conflict(String message) {
        return new ContactRefusedException(Reason.CONFLICT, message, List.of());
    }

    static ContactRefusedException invalid(List<FieldProblem> fields) {
        return new ContactRefusedException(Reason.INVALID,
                fields.get(0).field() + ": " + fields.get(0).message(), fields);
    }

    static ContactRefusedException invalid(String field, String rule, String message) {
        return invalid(List.of(new FieldProblem(field, rule, message)));
    }

    static ContactRefusedException versionMismatch(String message) {
        return new ContactRefusedException(Reason.VERSION_MISMATCH, message, List.of());
    }

    public Reason reason() {
        return reason;
    }

    ApiProblem toProblem() {
        return switch (reason) {
            case NOT_FOUND -> ApiProblem.notFound(getMessage());
            case CONFLICT -> ApiProblem.conflict(getMessage());
            case INVALID -> ApiProblem.invalid(fields);
            case VERSION_MISMATCH -> ApiProblem.preconditionFailed(getMessage());
        };
    }
}

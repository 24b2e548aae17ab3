package com.contactsync.graphsim.error;

import org.springframework.http.HttpStatus;

/** A failure that Graph reports with its error JSON; thrown anywhere below a request and rendered by {@link GraphErrorHandler}. */
public class GraphException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public GraphException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static GraphException itemNotFound() {
        return new GraphException(HttpStatus.NOT_FOUND, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    /** What Exchange answers for a user it has no mailbox for. */
    public static GraphException invalidUser(String user) {
        return new GraphException(HttpStatus.NOT_FOUND, "ErrorInvalidUser", "The requested user '" + user + "' is invalid.");
    }

    public static GraphException malformedId() {
        return new GraphException(HttpStatus.BAD_REQUEST, "ErrorInvalidIdMalformed", "Id is malformed.");
    }

    public static GraphException badRequest(String message) {
        return new GraphException(HttpStatus.BAD_REQUEST, "BadRequest", message);
    }

    /** OData's answer to a request body it cannot bind to the entity type. */
    public static GraphException requestBodyRead(String message) {
        return new GraphException(HttpStatus.BAD_REQUEST, "RequestBodyRead", message);
    }

    public static GraphException invalidToken(String message) {
        return new GraphException(HttpStatus.UNAUTHORIZED, "InvalidAuthenticationToken", message);
    }
}

package com.contactsync.graphsim.error;

import java.util.Map;
import org.springframework.http.HttpStatus;

/** A failure that Graph reports with its error JSON; thrown anywhere below a request and rendered by {@link GraphErrorHandler}. */
public class GraphException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, String> headers;

    public GraphException(HttpStatus status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** @param headers response headers Graph sends with this error, such as {@code Retry-After} or {@code Location} */
    public GraphException(HttpStatus status, String code, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static GraphException itemNotFound() {
        return new GraphException(HttpStatus.NOT_FOUND, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    /** What Exchange answers for a user it has no mailbox for. */
    public static GraphException invalidUser(String user) {
        return new GraphException(HttpStatus.NOT_FOUND, "ErrorInvalidUser", "The requested user '" + user + "' is invalid.");
    }

    /** What Exchange answers when an application access policy (or RBAC for applications) keeps the app out of a mailbox. */
    public static GraphException accessDenied() {
        return new GraphException(HttpStatus.FORBIDDEN, "ErrorAccessDenied", "Access to OData is disabled.");
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

    /** Exchange's answer to an {@code If-Match} that names an older version of the item. */
    public static GraphException changeKeyMismatch() {
        return new GraphException(HttpStatus.PRECONDITION_FAILED, "ErrorIrresolvableConflict", "The send or update operation could "
                + "not be performed because the change key passed in the request does not match the current change key for the item.");
    }
}

package com.contactsync.filter;

/**
 * A filter that cannot be used: an unknown field, a malformed expression, a value the field cannot hold, or one over
 * the limits. The message names the field and, where there is one, the position, e.g.
 * {@code city: unterminated quote at position 7}.
 */
public final class FilterException extends RuntimeException {

    /** {@link #position()} when the problem is not at a place in an expression (unknown field, broken JSON). */
    public static final int NO_POSITION = -1;

    private final String field;
    private final int position;
    private final String reason;

    FilterException(String field, int position, String reason) {
        super(field == null ? reason : field + ": " + reason);
        this.field = field;
        this.position = position;
        this.reason = reason;
    }

    /** The field whose expression is wrong, as the caller spelled it; null for a problem with the filter as a whole. */
    public String field() {
        return field;
    }

    /**
     * 0-based index of the offending character in the field's expression (a UTF-16 index, as Java and JavaScript
     * count), or in the JSON text for {@link ContactFilter#parseJson}; {@link #NO_POSITION} if there is none.
     */
    public int position() {
        return position;
    }

    /** The message without the field prefix. */
    public String reason() {
        return reason;
    }
}

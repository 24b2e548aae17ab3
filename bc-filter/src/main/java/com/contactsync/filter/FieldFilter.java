package com.contactsync.filter;

import com.contactsync.contracts.events.ContactSnapshot;
import java.util.List;

/** One field's expression, bound to the field's type: tested on a contact, or rendered as SQL. */
interface FieldFilter {

    boolean test(ContactSnapshot contact);

    /**
     * A condition on {@code column} that is TRUE or FALSE, never NULL, so that {@code NOT (...)} is its exact
     * complement; its values are appended to {@code parameters}.
     */
    String toSql(String column, List<Object> parameters);

    static FieldFilter bind(ContactField field, Expr<Condition> expression) {
        return switch (field.kind) {
            case CODE, TEXT -> TextFilter.bind(field, expression);
            case OPTION, BOOLEAN -> EnumeratedFilter.bind(field, expression);
        };
    }
}

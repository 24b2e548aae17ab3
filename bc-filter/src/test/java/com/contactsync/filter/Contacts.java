package com.contactsync.filter;

import com.contactsync.contracts.events.ContactSnapshot;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Contacts for tests, with only the fields a test cares about set. */
final class Contacts {

    private static final RecordComponent[] COMPONENTS = ContactSnapshot.class.getRecordComponents();

    private Contacts() {
    }

    /** A contact numbered {@code no} with the given field values; other text fields null, not privacy-blocked. */
    static ContactSnapshot contact(String no, Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("no", no);
        Object[] arguments = Arrays.stream(COMPONENTS).map(c -> all.containsKey(c.getName())
                ? all.get(c.getName())
                : c.getType() == boolean.class ? Boolean.FALSE : c.getType() == long.class ? (Object) 1L : null)
                .toArray();
        try {
            return ContactSnapshot.class
                    .getDeclaredConstructor(Arrays.stream(COMPONENTS).map(RecordComponent::getType)
                            .toArray(Class<?>[]::new))
                    .newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Alternating field names and values; values may be null. */
    static ContactSnapshot contact(String no, Object... fieldsAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return contact(no, values);
    }
}

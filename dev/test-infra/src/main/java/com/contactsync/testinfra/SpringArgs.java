package com.contactsync.testinfra;

import java.util.Map;

/**
 * Properties as command-line arguments. A test must pass the infrastructure's properties this way: properties
 * given to {@code SpringApplicationBuilder.properties} are defaults, which each service's own configuration file
 * overrides.
 */
public final class SpringArgs {

    private SpringArgs() {
    }

    public static String[] of(Map<String, ?> properties) {
        return properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }
}

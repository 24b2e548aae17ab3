package com.contactsync.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * A service as its own configuration file ({@code <service>.yml} on its class path) declares it: the port, and where
 * the actuator's probes and metrics are. Deployment files must agree with it.
 */
record ServiceConfig(String name, String javaPackage, Map<String, Object> properties) {

    static final List<ServiceConfig> SERVICES = List.of(
            load("contact-service", "com.contactsync.contacts"),
            load("sync-orchestrator", "com.contactsync.orchestrator"),
            load("outlook-gateway", "com.contactsync.gateway"),
            load("scheduler-service", "com.contactsync.scheduler"));

    static ServiceConfig named(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + name));
    }

    private static ServiceConfig load(String name, String javaPackage) {
        try (InputStream in = ServiceConfig.class.getClassLoader().getResourceAsStream(name + ".yml")) {
            if (in == null) {
                throw new AssertionError(name + ".yml is not on the class path");
            }
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", new Yaml().load(in), flat);
            return new ServiceConfig(name, javaPackage, flat);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code a: {b: 1}} as {@code a.b = 1}; list items as {@code a[0]}. */
    static void flatten(String prefix, Object value, Map<String, Object> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, into));
        } else if (value instanceof List<?> list && list.stream().anyMatch(i -> i instanceof Map)) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), into);
            }
        } else {
            into.put(prefix, value);
        }
    }

    int port() {
        return Integer.parseInt(properties.get("server.port").toString());
    }

    /** Where the actuator serves; only the defaults are supported by the manifests (no separate management port). */
    String actuatorPath(String endpoint) {
        Object basePath = properties.getOrDefault("management.endpoints.web.base-path", "/actuator");
        return basePath + "/" + endpoint;
    }

    boolean exposes(String endpoint) {
        Object include = properties.get("management.endpoints.web.exposure.include");
        return include != null && List.of(include.toString().split("\\s*,\\s*")).contains(endpoint);
    }

    Object property(String name) {
        return properties.get(name);
    }
}

package com.contactsync.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URL;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration properties a service knows, to check that an environment variable of a deployment binds to one
 * of them: Spring Boot's and Spring Cloud's (their configuration metadata), those the service's own
 * {@code <service>.yml} sets, and the service's {@code @ConfigurationProperties} records (its own package and
 * service-kit's). An environment variable binds as Spring's relaxed binding reads it: upper case, {@code _} for
 * {@code .}, dashes dropped ({@code CONTACTSYNC_GRAPH_AUTH_CLIENTID} is {@code contactsync.graph.auth.client-id}) or, in
 * Spring Boot's legacy form, written as {@code _} ({@code SPRING_KAFKA_BOOTSTRAP_SERVERS}).
 */
final class SpringProperties {

    private static final String KIT_PACKAGE = "com.contactsync.kit";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> METADATA = Set.of("META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json");

    /** Names as an environment variable can spell them: lower case, dashes dropped or made dots. */
    private final Set<String> names = new HashSet<>();
    /** Properties whose type is a map or list: any key below them binds. */
    private final Set<String> prefixes = new HashSet<>();

    static SpringProperties of(ServiceConfig service) {
        SpringProperties known = new SpringProperties();
        known.addMetadata();
        service.properties().keySet().forEach(known::add);
        known.addConfigurationProperties(KIT_PACKAGE);
        known.addConfigurationProperties(service.javaPackage());
        return known;
    }

    /** Whether the variable binds to a known property. */
    boolean binds(String environmentVariable) {
        String name = environmentVariable.toLowerCase(Locale.ROOT).replace('_', '.');
        if (names.contains(name)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (name.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    private void add(String property) {
        names.addAll(spellings(property));
    }

    private void addPrefix(String property) {
        prefixes.addAll(spellings(property));
    }

    private static List<String> spellings(String property) {
        String name = property.toLowerCase(Locale.ROOT).replaceAll("\\[\\d+]", "");
        return List.of(name.replace("-", ""), name.replace('-', '.'));
    }

    private void addMetadata() {
        ClassLoader loader = getClass().getClassLoader();
        try {
            for (String resource : METADATA) {
                Enumeration<URL> urls = loader.getResources(resource);
                while (urls.hasMoreElements()) {
                    try (InputStream in = urls.nextElement().openStream()) {
                        for (JsonNode property : JSON.readTree(in).path("properties")) {
                            String name = property.path("name").asString();
                            add(name);
                            String type = property.path("type").asString("");
                            if (type.startsWith("java.util.Map") || type.startsWith("java.util.List")) {
                                addPrefix(name);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addConfigurationProperties(String javaPackage) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents(javaPackage)) {
            Class<?> type = load(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            addComponents(prefix, type);
        }
    }

    /** A record's components, nested records included; other types are leaves, maps and lists take any key. */
    private void addComponents(String prefix, Class<?> type) {
        if (!type.isRecord()) {
            throw new AssertionError(type + " is not a record: this check reads records only");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            add(name);
            Class<?> componentType = component.getType();
            if (componentType.isRecord()) {
                addComponents(name, componentType);
            } else if (Map.class.isAssignableFrom(componentType) || Collection.class.isAssignableFrom(componentType)) {
                addPrefix(name);
                Type generic = component.getGenericType();
                if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[
                        p.getActualTypeArguments().length - 1] instanceof Class<?> value && value.isRecord()) {
                    // the entries' properties come after a key the deployment chooses: any key binds
                    addComponents(name, value);
                }
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SpringProperties.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}

package com.contactsync.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard's queries and the alert rules of k8s/monitoring, as the checks need them. */
final class Monitoring {

    static final String RULES = "k8s/monitoring/alerts.rules.yml";
    static final String DASHBOARD = "k8s/monitoring/dashboards/contact-sync.json";

    /** {@code <signal> <comparison> <number>}: the threshold comes last. */
    private static final Pattern ALERT_EXPRESSION = Pattern.compile("(?s)(.+?)\\s*(>|<|>=|<=|==|!=)\\s*[0-9.]+\\s*");

    private Monitoring() {
    }

    record Alert(String name, String expression, String runbook) {

        /** What the alert compares with its threshold: the part that must return data in a running system. */
        String signal() {
            Matcher m = ALERT_EXPRESSION.matcher(expression);
            if (!m.matches()) {
                throw new AssertionError(name + ": expression is not '<signal> <op> <number>': " + expression);
            }
            return m.group(1);
        }
    }

    static JsonNode dashboard() {
        return JsonMapper.builder().build().readTree(Repo.read(DASHBOARD));
    }

    /** Panel title → its PromQL expressions. */
    static Map<String, List<String>> dashboardQueries() {
        Map<String, List<String>> queries = new LinkedHashMap<>();
        for (JsonNode panel : dashboard().path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.computeIfAbsent(panel.path("title").asString(), t -> new ArrayList<>())
                        .add(target.path("expr").asString());
            }
        }
        return queries;
    }

    @SuppressWarnings("unchecked")
    static List<Alert> alerts() {
        Map<String, Object> file = new Yaml().load(Repo.read(RULES));
        List<Alert> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                Map<String, Object> annotations = (Map<String, Object>) rule.getOrDefault("annotations", Map.of());
                alerts.add(new Alert((String) rule.get("alert"), rule.get("expr").toString().trim(),
                        (String) annotations.get("runbook")));
            }
        }
        return alerts;
    }
}

package com.contactsync.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a run measured: the figures for the report's table, the raw numbers, and the series for the charts. */
final class Results {

    /**
     * One figure of the table.
     *
     * @param target   the DESIGN target as text, null when it has none
     * @param met      whether the value meets the target, null when there is none
     * @param baseline the classic sync's value for the same thing, null when it has no such figure
     */
    record Figure(String scenario, String name, double value, String unit, String target, Boolean met,
                  Double baseline) {

        /** Ours divided by the baseline's; null without a baseline or when it is 0. */
        Double ratio() {
            return baseline == null || baseline == 0 ? null : value / baseline;
        }
    }

    final String profile;
    final List<Figure> figures = new ArrayList<>();
    /** Per scenario, everything measured, as written to the JSON file. */
    final Map<String, Map<String, Object>> raw = new LinkedHashMap<>();
    /** BC commit to Outlook write, ms, one per contact of the latency scenario. */
    final List<Double> latenciesMs = new ArrayList<>();
    /** Outlook contact writes per second in the pipeline scenario, one per sampled second. */
    final List<Double> writesPerSecond = new ArrayList<>();
    final List<Double> baselineWritesPerSecond = new ArrayList<>();
    /** What keeps the system from a target, in words, for the report. */
    final List<String> findings = new ArrayList<>();

    Results(String profile) {
        this.profile = profile;
    }

    Map<String, Object> raw(String scenario) {
        return raw.computeIfAbsent(scenario, s -> new LinkedHashMap<>());
    }

    void figure(String scenario, String name, double value, String unit, String target, Boolean met,
                Double baseline) {
        figures.add(new Figure(scenario, name, Proc.round(value), unit, target, met,
                baseline == null ? null : Proc.round(baseline)));
    }
}

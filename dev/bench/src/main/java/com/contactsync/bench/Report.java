package com.contactsync.bench;

import com.contactsync.sandbox.Api;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;

/** Writes a run's report: {@code report.md}, {@code results.json}, {@code latency.png}, {@code throughput.png}. */
final class Report {

    static final String MARKDOWN = "report.md";
    static final String JSON = "results.json";
    static final String LATENCY_PNG = "latency.png";
    static final String THROUGHPUT_PNG = "throughput.png";

    private Report() {
    }

    /** Into {@code reports/<timestamp>/}, copied to {@code reports/latest/}; the timestamped directory. */
    static Path write(Results results, Path reports) throws IOException {
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'"));
        Path dir = Files.createDirectories(reports.resolve(stamp + "-" + results.profile));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("profile", results.profile);
        json.put("timestamp", stamp);
        json.put("figures", results.figures.stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", f.scenario());
            m.put("name", f.name());
            m.put("value", f.value());
            m.put("unit", f.unit());
            m.put("target", f.target());
            m.put("met", f.met());
            m.put("baseline", f.baseline());
            m.put("ratioToBaseline", f.ratio() == null ? null : Proc.round(f.ratio()));
            return m;
        }).toList());
        json.put("scenarios", results.raw);
        json.put("findings", results.findings);
        Files.writeString(dir.resolve(JSON), Api.JSON.writer().with(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json));
        Charts.latency(results.latenciesMs, dir.resolve(LATENCY_PNG));
        Charts.throughput(results.writesPerSecond,
                results.baselineWritesPerSecond.stream().findFirst().orElse(0.0), 5000, dir.resolve(THROUGHPUT_PNG));
        Files.writeString(dir.resolve(MARKDOWN), markdown(results, stamp));
        Path latest = Files.createDirectories(reports.resolve("latest"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.copy(f, latest.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir;
    }

    private static String markdown(Results results, String stamp) {
        StringBuilder md = new StringBuilder();
        md.append("# Contact Sync benchmark (").append(results.profile).append(", ").append(stamp).append(")\n\n");
        md.append("Real Kafka, PostgreSQL, the Graph simulator and the four services as separate processes "
                + "(`bin/sandbox`), on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores. Targets: `../shared/DESIGN.md`, \"Quality targets\". Baseline: Business Central's "
                        + "classic sync (read the folder, one Graph request per contact, match by e-mail) against "
                        + "the same simulator and contacts. Ratio = ours / baseline. Raw numbers: `")
                .append(JSON).append("`.\n\n");
        md.append("| scenario | figure | value | target | met | baseline | ratio |\n");
        md.append("|---|---|---:|---|---|---:|---:|\n");
        for (Results.Figure f : results.figures) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s %s | %s | %s | %s | %s |%n", f.scenario(), f.name(),
                    number(f.value()), f.unit(), f.target() == null ? "—" : f.target(),
                    f.met() == null ? "—" : f.met() ? "yes" : "**no**",
                    f.baseline() == null ? "—" : number(f.baseline()),
                    f.ratio() == null ? "—" : String.format(Locale.ROOT, "%.3g×", f.ratio())));
        }
        md.append("\n![latency](").append(LATENCY_PNG).append(")\n\n![throughput](").append(THROUGHPUT_PNG)
                .append(")\n\n## How each figure is measured\n\n")
                .append("- Outlook writes: successful contact POST/PATCH/DELETE in the simulator's statistics, batch "
                        + "steps included; HTTP requests: top-level requests (a `$batch` counts once); 429 share: of "
                        + "all requests addressed to the mailbox, batch steps included.\n")
                .append("- Latency: BC's `lastModifiedAt` of the created contact to the moment a delta round on the "
                        + "folder (about every 50 ms) first shows it; the simulator's `lastModifiedDateTime` has whole "
                        + "seconds only. The baseline has no realtime path: its value is the duration of one classic "
                        + "pass over the same contacts, the least a change waits without the schedule's interval.\n")
                .append("- Throttled full sync: the theoretical minimum is the requests the run needed (not "
                        + "counting 429s) divided by the allowed rate (requests per window / time-scaled window).\n")
                .append("- CPU: user + system time from `/proc/<pid>/stat` over the scenario divided by its wall "
                        + "time (1.0 = one core); RSS: the peak of `VmRSS` sampled every second.\n");
        if (!results.findings.isEmpty()) {
            md.append("\n## What keeps us from the targets\n\n");
            results.findings.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        return md.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%,.3f", v);
    }
}

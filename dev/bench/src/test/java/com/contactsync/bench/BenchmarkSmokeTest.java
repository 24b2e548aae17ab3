package com.contactsync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario, with tiny sizes, on the real system: each must produce its numbers and the report its files. No
 * threshold is asserted: the targets are measured by the full run (bin/bench), never by a timed test.
 */
class BenchmarkSmokeTest {

    @TempDir
    Path reports;

    @Test
    void everyScenarioProducesNumbersAndTheReportItsFiles() throws Exception {
        Path root = Path.of(System.getProperty("contactsync.bench.root", "../..")).toAbsolutePath().normalize();

        Results results = new Benchmark(Profile.named("smoke"), System.out::println).run(root);
        Path dir = Report.write(results, reports);

        assertThat(results.figures.stream().map(Results.Figure::scenario).collect(Collectors.toSet()))
                .containsAll(Set.of("system", "pipeline", "latency", "economy", "throttled"));
        assertThat(results.figures).allSatisfy(f -> assertThat(f.value()).as(f.name()).isFinite());
        assertThat(results.figures.stream().filter(f -> f.baseline() != null).map(Results.Figure::scenario))
                .as("scenarios with a baseline figure")
                .contains("pipeline", "latency", "economy", "throttled");
        assertThat(results.latenciesMs).isNotEmpty();
        assertThat(results.writesPerSecond).isNotEmpty();
        for (String file : new String[] {Report.MARKDOWN, Report.JSON, Report.LATENCY_PNG, Report.THROUGHPUT_PNG}) {
            assertThat(dir.resolve(file)).isNotEmptyFile();
            assertThat(reports.resolve("latest").resolve(file)).isNotEmptyFile();
        }
        assertThat(Files.readString(dir.resolve(Report.MARKDOWN))).contains("| pipeline |", "| throttled |");
    }
}

package com.contactsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** CPU time and resident memory of a process, from Linux's /proc (no agent in the measured JVMs). */
final class Proc {

    /** USER_HZ: the unit of utime and stime in /proc/<pid>/stat, 100 on every common Linux build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private Proc() {
    }

    /** User plus system CPU seconds the process has used so far; -1 when it is gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** Resident set size in MB; -1 when the process is gone. */
    static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
        return -1;
    }

    /** CPU (share of one core) and peak RSS of each process between {@link #start} and {@link #stop}. */
    static final class Usage {
        private final Map<String, Long> pids;
        private final Map<String, Double> cpuAtStart = new LinkedHashMap<>();
        private final Map<String, Double> peakRss = new LinkedHashMap<>();
        private long startNanos;

        Usage(Map<String, Long> pids) {
            this.pids = pids;
        }

        Usage start() {
            startNanos = System.nanoTime();
            pids.forEach((name, pid) -> cpuAtStart.put(name, cpuSeconds(pid)));
            sample();
            return this;
        }

        /** Called about once a second while the load runs: RSS is a peak, not an end value. */
        void sample() {
            pids.forEach((name, pid) -> peakRss.merge(name, rssMb(pid), Math::max));
        }

        /** Per process: {@code cpuCores} (average cores used) and {@code peakRssMb}. */
        Map<String, Map<String, Double>> stop() {
            sample();
            double wall = (System.nanoTime() - startNanos) / 1e9;
            Map<String, Map<String, Double>> result = new LinkedHashMap<>();
            pids.forEach((name, pid) -> result.put(name, Map.of(
                    "cpuCores", round((cpuSeconds(pid) - cpuAtStart.get(name)) / wall),
                    "peakRssMb", round(peakRss.get(name)))));
            return result;
        }
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

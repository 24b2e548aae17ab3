package com.contactsync.sandbox;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The command line of {@code bin/sandbox}. */
record Options(boolean help, boolean demo, boolean exitAfterDemo, int demoSize, boolean infraOnly, boolean keepData,
               boolean autoPorts, Optional<Path> dataDir, List<String> jvmOptions) {

    /** The demo company: 500 BC contacts. */
    static final int DEFAULT_DEMO_SIZE = 500;

    /**
     * C1 only and the serial collector: a Spring Boot service then needs about 40% less CPU to start, which is what
     * bounds the start of five JVMs on two cores; steady-state speed matters less here (dev/bench measures it).
     */
    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /**
     * Each service's memory, within DESIGN.md's 400 MB per service (dev/bench measured 250-370 MB RSS under load with
     * these); before the {@code --jvm-options}, so that those win. Not for the simulator, which holds every mailbox.
     */
    static final List<String> SERVICE_MEMORY_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:MaxMetaspaceSize=160m",
            "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=64m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");

    static final String USAGE = """
            Usage: bin/sandbox [options]
            Starts Kafka, PostgreSQL, the Graph simulator and the four services as separate processes on this
            machine, loads the demo company (500 BC contacts, three users), runs a full sync for its users, prints
            what each sync did and why, then every URL and commands to try. Ctrl-C stops everything. The services'
            REST APIs want a bearer token: the simulator issues them, and the first command to try gets one.

              --no-demo          start empty
              --exit-after-demo  run the demo, print a one-line JSON summary and stop; exit 0 only if every
                                 user's folder holds exactly that user's contacts
              --demo-size N      the demo company's number of BC contacts (default 500)
              --infra-only       start only Kafka, PostgreSQL and the Graph simulator (run the services yourself)
              --ports default    the default ports (8081-8084, 8089, 9092, 5432); a taken one is replaced by a
                                 free one, printed (the default)
              --ports auto       free ports for everything, so it never collides with a running sandbox
              --data-dir DIR     data and logs in DIR, kept on exit; start again with the same DIR to reuse them
                                 (default: dev/sandbox/target/sandbox-<timestamp>-<pid>, removed on exit)
              --keep-data        keep the default data directory on exit
              --jvm-options "OPTIONS"
                                 JVM options for the simulator and the services, instead of the default
                                 "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" (quick start); "" for the JVM's own.
                                 The services also get memory caps (-Xmx256m ...) that these can override
              --help             this text
            """;

    static Options parse(String... args) {
        boolean help = false, demo = true, exitAfterDemo = false, infraOnly = false, keepData = false;
        boolean autoPorts = false;
        int demoSize = DEFAULT_DEMO_SIZE;
        Path dataDir = null;
        List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> help = true;
                case "--exit-after-demo" -> {
                    exitAfterDemo = true;
                    demo = true;
                }
                case "--no-demo" -> {
                    demo = false;
                    exitAfterDemo = false;
                }
                case "--demo-size" -> demoSize = demoSize(value(args, ++i, "--demo-size"));
                case "--infra-only" -> infraOnly = true;
                case "--keep-data" -> keepData = true;
                case "--ports" -> autoPorts = switch (value(args, ++i, "--ports")) {
                    case "auto" -> true;
                    case "default" -> false;
                    default -> throw new IllegalArgumentException("--ports takes 'default' or 'auto'");
                };
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                case "--jvm-options" -> jvmOptions = Arrays.stream(value(args, ++i, "--jvm-options").split("\\s+"))
                        .filter(o -> !o.isEmpty()).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (exitAfterDemo && infraOnly) {
            throw new IllegalArgumentException("the demo needs the services: --exit-after-demo excludes --infra-only");
        }
        // Without the services there is nothing to show
        return new Options(help, demo && !infraOnly, exitAfterDemo, demoSize, infraOnly, keepData, autoPorts,
                Optional.ofNullable(dataDir), jvmOptions);
    }

    private static int demoSize(String value) {
        try {
            int size = Integer.parseInt(value);
            if (size >= 10) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("--demo-size takes a number of contacts, at least 10");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}

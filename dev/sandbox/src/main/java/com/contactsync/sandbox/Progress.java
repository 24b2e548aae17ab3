package com.contactsync.sandbox;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-line status that changes while something runs. On a terminal the line is redrawn in place; when the output
 * goes to a pipe or a file (CI, tests, {@code | tee}), a changed status is printed as a line of its own, at most
 * every few seconds, so a log stays readable and nothing depends on a TTY.
 */
final class Progress {

    private static final Duration PIPED_INTERVAL = Duration.ofSeconds(3);
    private static final int BAR_WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private String shown;
    private Instant shownAt = Instant.MIN;

    Progress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** For standard output: redrawn in place only when it is a terminal. */
    static Progress console() {
        return new Progress(System.out, System.console() != null);
    }

    synchronized void update(String status) {
        if (status.equals(shown)) {
            return;
        }
        Instant now = Instant.now();
        if (terminal) {
            out.print("\r" + pad("[sandbox] " + status));
            out.flush();
        } else if (Duration.between(shownAt, now).compareTo(PIPED_INTERVAL) >= 0) {
            out.println("[sandbox] " + status);
        } else {
            return;
        }
        shown = status;
        shownAt = now;
    }

    /** Ends the status with a final line, always printed. */
    synchronized void done(String line) {
        if (terminal && shown != null) {
            out.print("\r" + pad("") + "\r");
        }
        out.println("[sandbox] " + line);
        shown = null;
        shownAt = Instant.MIN;
    }

    /** {@code [#######.........]  7/16}: how far a count has come. */
    static String bar(long done, long total) {
        int filled = total <= 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total;
    }

    private String pad(String line) {
        // Overwrites what a longer previous status left on the line
        int previous = shown == null ? 0 : shown.length() + "[sandbox] ".length();
        return line.length() >= previous ? line : line + " ".repeat(previous - line.length());
    }
}

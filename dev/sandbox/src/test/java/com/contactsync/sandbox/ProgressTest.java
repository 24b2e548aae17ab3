package com.contactsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void piped_aStatusBecomesALineAtMostEverySoOftenAndTheFinalLineAlways() {
        Progress progress = new Progress(out, false);

        progress.update("creating " + Progress.bar(1, 500));
        progress.update("creating " + Progress.bar(2, 500));
        progress.update("creating " + Progress.bar(3, 500));
        progress.done("created 500");

        assertThat(text()).isEqualTo("[sandbox] creating [........................] 1/500\n"
                + "[sandbox] created 500\n");
    }

    @Test
    void onATerminal_theStatusIsRedrawnInPlaceAndClearedBeforeTheFinalLine() {
        Progress progress = new Progress(out, true);

        progress.update("creating a long status");
        progress.update("short");
        progress.done("done");

        assertThat(text()).isEqualTo("\r[sandbox] creating a long status"
                + "\r[sandbox] short                 "
                + "\r" + " ".repeat("[sandbox] short".length()) + "\r"
                + "[sandbox] done\n");
    }

    @Test
    void theBarShowsHowFarACountHasCome() {
        assertThat(Progress.bar(0, 10)).isEqualTo("[........................] 0/10");
        assertThat(Progress.bar(5, 10)).isEqualTo("[############............] 5/10");
        assertThat(Progress.bar(12, 10)).isEqualTo("[########################] 12/10");
        assertThat(Progress.bar(0, 0)).isEqualTo("[########################] 0/0");
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}

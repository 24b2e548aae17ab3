package com.contactsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void withoutOptionsItRunsTheDemoAndStaysUpOnTheDefaultPortsAndRemovesItsData() {
        Options options = Options.parse();

        assertThat(options.demo()).isTrue();
        assertThat(options.demoSize()).isEqualTo(500);
        assertThat(options.exitAfterDemo()).isFalse();
        assertThat(options.infraOnly()).isFalse();
        assertThat(options.autoPorts()).isFalse();
        assertThat(options.keepData()).isFalse();
        assertThat(options.dataDir()).isEmpty();
        assertThat(options.jvmOptions()).isEqualTo(Options.DEFAULT_JVM_OPTIONS);
    }

    @Test
    void readsEveryOption() {
        Options options = Options.parse("--exit-after-demo", "--ports", "auto", "--keep-data", "--data-dir", "x",
                "--jvm-options", " -Xmx300m  -XX:+UseG1GC ", "--demo-size", "40");

        assertThat(options.exitAfterDemo()).isTrue();
        assertThat(options.demo()).isTrue();
        assertThat(options.demoSize()).isEqualTo(40);
        assertThat(options.autoPorts()).isTrue();
        assertThat(options.keepData()).isTrue();
        assertThat(options.dataDir()).contains(Path.of("x"));
        assertThat(options.jvmOptions()).containsExactly("-Xmx300m", "-XX:+UseG1GC");
        assertThat(Options.parse("--jvm-options", "").jvmOptions()).isEmpty();
        assertThat(Options.parse("--exit-after-demo", "--no-demo").exitAfterDemo()).isFalse();
        assertThat(Options.parse("--no-demo").demo()).isFalse();
        assertThat(Options.parse("--infra-only").demo()).as("no services, no demo").isFalse();
    }

    @Test
    void refusesWhatItCannotDo() {
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--ports", "9000"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--data-dir"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--demo"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--exit-after-demo", "--infra-only"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--demo-size", "many"));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("--demo-size", "3"));
    }
}

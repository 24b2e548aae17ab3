package com.contactsync.testinfra;

import static com.contactsync.testinfra.ModeSelection.FORCED_MODE;
import static com.contactsync.testinfra.ModeSelection.JDBC_URL;
import static com.contactsync.testinfra.ModeSelection.KAFKA_BOOTSTRAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

class ModeSelectionTest {

    private static final Map<String, String> EXTERNAL_SETTINGS = Map.of(
            KAFKA_BOOTSTRAP, "kafka:9092",
            JDBC_URL, "jdbc:postgresql://postgres:5432/postgres");
    private static final BooleanSupplier DOCKER_ANSWERS = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier DOCKER_MUST_NOT_BE_ASKED = () -> {
        throw new AssertionError("Docker was probed although the settings decide the mode");
    };

    @Test
    void externalSettingsSelectExternalWithoutProbingDocker() {
        ModeSelection selection = ModeSelection.select(EXTERNAL_SETTINGS::get, DOCKER_MUST_NOT_BE_ASKED);

        assertThat(selection.mode()).isEqualTo(Mode.EXTERNAL);
        assertThat(selection.reason()).contains(KAFKA_BOOTSTRAP, JDBC_URL);
    }

    @Test
    void testcontainersIsChosenWhenDockerAnswers() {
        assertThat(ModeSelection.select(Map.<String, String>of()::get, DOCKER_ANSWERS).mode())
                .isEqualTo(Mode.TESTCONTAINERS);
    }

    @Test
    void embeddedIsChosenWhenNothingIsConfiguredAndDockerIsSilent() {
        assertThat(ModeSelection.select(Map.<String, String>of()::get, NO_DOCKER).mode()).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void blankExternalSettingsCountAsUnset() {
        Map<String, String> blank = Map.of(KAFKA_BOOTSTRAP, " ", JDBC_URL, "", FORCED_MODE, "");

        assertThat(ModeSelection.select(blank::get, NO_DOCKER).mode()).isEqualTo(Mode.EMBEDDED);
    }

    @Test
    void forcedModeWinsOverExternalSettingsAndDocker() {
        Map<String, String> settings = Map.of(
                KAFKA_BOOTSTRAP, "kafka:9092", JDBC_URL, "jdbc:postgresql://postgres/postgres",
                FORCED_MODE, " Embedded ");

        ModeSelection selection = ModeSelection.select(settings::get, DOCKER_ANSWERS);

        assertThat(selection.mode()).isEqualTo(Mode.EMBEDDED);
        assertThat(selection.reason()).contains(FORCED_MODE);
    }

    @Test
    void forcingTestcontainersWhereDockerAnswersSelectsIt() {
        assertThat(ModeSelection.select(Map.of(FORCED_MODE, "testcontainers")::get, DOCKER_ANSWERS).mode())
                .isEqualTo(Mode.TESTCONTAINERS);
    }

    @Test
    void forcingTestcontainersWithoutDockerFailsNamingTheCause() {
        assertThatThrownBy(() -> ModeSelection.select(Map.of(FORCED_MODE, "testcontainers")::get, NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine answers");
    }

    @Test
    void forcingExternalWithoutItsSettingsFailsNamingThem() {
        assertThatThrownBy(() -> ModeSelection.select(Map.of(FORCED_MODE, "external")::get, DOCKER_ANSWERS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(KAFKA_BOOTSTRAP)
                .hasMessageContaining(JDBC_URL);
    }

    @Test
    void onlyOneExternalSettingFailsInsteadOfFallingBackSilently() {
        assertThatThrownBy(() -> ModeSelection.select(Map.of(JDBC_URL, "jdbc:postgresql://db/x")::get, NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only " + JDBC_URL + " is set");
    }

    @Test
    void unknownForcedModeFailsListingTheValidOnes() {
        assertThatThrownBy(() -> ModeSelection.select(Map.of(FORCED_MODE, "docker")::get, NO_DOCKER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[embedded, testcontainers, external]");
    }

    @Test
    void systemPropertyOverridesTheEnvironmentVariableOfTheSameName() {
        String name = "CONTACTSYNC_TEST_SETTING_" + System.nanoTime();
        System.setProperty(name, "from-property");
        try {
            assertThat(ModeSelection.systemSettings().apply(name)).isEqualTo("from-property");
        } finally {
            System.clearProperty(name);
        }
        assertThat(ModeSelection.systemSettings().apply(name)).isNull();
    }
}

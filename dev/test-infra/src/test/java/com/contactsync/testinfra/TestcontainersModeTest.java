package com.contactsync.testinfra;

import java.util.Map;

import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;

/** Skipped where no Docker engine answers, as on the development machines. */
@EnabledIf(value = "dockerAnswers", disabledReason = "no Docker engine answers")
class TestcontainersModeTest extends InfrastructureContract {

    static boolean dockerAnswers() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @Override
    Mode mode() {
        return Mode.TESTCONTAINERS;
    }

    @Override
    Infrastructure startOwn(Infrastructure shared) {
        return Infrastructure.start(Map.of(ModeSelection.FORCED_MODE, "testcontainers")::get, () -> true);
    }
}

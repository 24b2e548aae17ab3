package com.contactsync.testinfra;

import java.util.Map;

class EmbeddedModeTest extends InfrastructureContract {

    @Override
    Mode mode() {
        return Mode.EMBEDDED;
    }

    @Override
    Infrastructure startOwn(Infrastructure shared) {
        return Infrastructure.start(Map.of(ModeSelection.FORCED_MODE, "embedded")::get, () -> true);
    }
}

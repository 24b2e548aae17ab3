package com.contactsync.faults;

import org.junit.jupiter.api.Test;

/**
 * The broker and the database go away under running services and come back: the services recover on their own
 * (nobody restarts them), and the folders converge with nothing lost and nothing twice.
 */
class InfrastructureRestartIT {

    private final RunningSystem system = RunningSystem.get();
    private final Events events = system.events();

    @Test
    void kafkaBrokerKilledAndRestartedMidFullSyncServicesRecoverAndConverge() throws Exception {
        Scenario scenario = Scenario.create(system, "restart-kafka", Scenario.SIZE);
        scenario.fullSyncs();
        String progress = scenario.awaitWritesStarted();

        Runnable restart = system.kill9(RunningSystem.KAFKA);
        System.out.println("[fault-tests] kill -9 kafka with the folders at " + progress);
        scenario.typeIntoFolders();
        restart.run();
        // Sent once the broker is back: a producer would only hold them in its buffer meanwhile
        scenario.editInBc(events, 3);

        scenario.awaitConvergence();
    }

    @Test
    void postgresCrashRestartedMidFullSyncServicesRecoverAndConverge() throws Exception {
        Scenario scenario = Scenario.create(system, "restart-postgres", Scenario.SIZE);
        scenario.fullSyncs();
        String progress = scenario.awaitWritesStarted();

        scenario.editInBc(events, 3);
        scenario.typeIntoFolders();
        system.crashRestartPostgres();
        System.out.println("[fault-tests] crash-restarted postgres with the folders at " + progress);

        scenario.awaitConvergence();
    }
}

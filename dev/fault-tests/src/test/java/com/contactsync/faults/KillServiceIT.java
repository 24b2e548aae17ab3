package com.contactsync.faults;

import org.junit.jupiter.api.Test;

/**
 * S13: every service may be killed at any moment. Each service in turn gets a {@code kill -9} while three users'
 * FULL syncs are writing; during the outage BC contacts are changed (requests on Kafka, as Business Central sends
 * them) and a person types a contact into every folder; the service is started again, and every folder must end
 * equal to its target set with no duplicate, every BC edit and every typed contact imported into BC.
 */
class KillServiceIT {

    private final RunningSystem system = RunningSystem.get();
    private final Events events = system.events();

    @Test
    void killedContactServiceMidFullSyncConvergesWithNothingLostAndNoDuplicate() throws Exception {
        killMidFullSyncAndConverge("kill-contacts", RunningSystem.CONTACT_SERVICE);
    }

    @Test
    void killedOrchestratorMidFullSyncConvergesWithNothingLostAndNoDuplicate() throws Exception {
        killMidFullSyncAndConverge("kill-orchestrator", RunningSystem.SYNC_ORCHESTRATOR);
    }

    @Test
    void killedGatewayMidFullSyncConvergesWithNothingLostAndNoDuplicate() throws Exception {
        killMidFullSyncAndConverge("kill-gateway", RunningSystem.OUTLOOK_GATEWAY);
    }

    @Test
    void killedSchedulerMidFullSyncConvergesWithNothingLostAndNoDuplicate() throws Exception {
        killMidFullSyncAndConverge("kill-scheduler", RunningSystem.SCHEDULER_SERVICE);
    }

    private void killMidFullSyncAndConverge(String tag, String service) throws Exception {
        Scenario scenario = Scenario.create(system, tag, Scenario.SIZE);
        scenario.fullSyncs();
        String progress = scenario.awaitWritesStarted();

        Runnable restart = system.kill9(service);
        System.out.println("[fault-tests] kill -9 " + service + " with the folders at " + progress);
        scenario.editInBc(events, 3);
        scenario.typeIntoFolders();
        restart.run();

        scenario.awaitConvergence();
    }
}

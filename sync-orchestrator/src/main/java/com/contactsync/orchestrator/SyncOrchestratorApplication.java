package com.contactsync.orchestrator;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Decides what each user's Outlook folder should hold, and sends the gateway what makes it so. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SyncOrchestratorApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The service as the system tests and the sandbox start it: its own configuration file name. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(SyncOrchestratorApplication.class)
                .properties("spring.config.name=sync-orchestrator");
    }
}

package com.contactsync.scheduler;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Keeps the sync schedules and, when one is due, asks for a sync on {@code sync.triggers.v1}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SchedulerServiceApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The service as the system tests and the sandbox start it: its own configuration file name. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(SchedulerServiceApplication.class)
                .properties("spring.config.name=scheduler-service");
    }
}

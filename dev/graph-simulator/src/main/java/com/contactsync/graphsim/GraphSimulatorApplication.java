package com.contactsync.graphsim;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A stateful stand-in for Microsoft Graph's Outlook contacts API and Entra ID's token endpoint (DESIGN.md). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GraphSimulatorApplication {

    /** The simulator as tests, the sandbox and {@link #main} start it: reading {@code graph-simulator.yml}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(GraphSimulatorApplication.class).properties("spring.config.name=graph-simulator");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}

package com.contactsync.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The only caller of Microsoft Graph: carries out the orchestrator's Outlook commands and reports what it did. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OutlookGatewayApplication {

    /** The gateway as {@link #main}, the system tests and the sandbox start it: reading {@code outlook-gateway.yml}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(OutlookGatewayApplication.class).properties("spring.config.name=outlook-gateway");
    }

    public static void main(String[] args) {
        application().run(args);
    }
}

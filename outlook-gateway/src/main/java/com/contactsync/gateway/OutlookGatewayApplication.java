package com.contactsync.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

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

    /**
     * Netty event loops of the gateway's own: with Reactor's global ones, closing the gateway would close them for
     * every other server in the JVM (the system tests run the services and the Graph simulator in one).
     */
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}

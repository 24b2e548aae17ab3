package com.contactsync.contacts;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The owner of Business Central contacts: REST and Kafka intake in, contact events out through the outbox. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContactServiceApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    /** The service as the system tests and the sandbox start it: its own configuration file name. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ContactServiceApplication.class)
                .properties("spring.config.name=contact-service");
    }
}

package com.contactsync.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

@RealInfrastructure
class SpringArgsTest {

    @Test
    void infrastructurePropertiesAsArgumentsBeatTheServicesOwnConfigurationFile(Infrastructure infrastructure) {
        Database database = infrastructure.newDatabase("args");
        Map<String, Object> properties = new HashMap<>(infrastructure.springProperties(database));
        properties.put("server.port", 0);

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Object.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.location=classpath:service-with-its-own-datasource.yml")
                .run(SpringArgs.of(properties))) {
            Environment environment = context.getEnvironment();

            assertThat(environment.getProperty("spring.application.name")).isEqualTo("from-the-file");
            assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(database.jdbcUrl());
            assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                    .isEqualTo(infrastructure.kafkaBootstrapServers());
            assertThat(environment.getProperty("server.port")).isEqualTo("0");
        }
    }
}

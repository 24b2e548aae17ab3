package com.contactsync.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigureOrder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.client.ReactorResourceFactory;
import tools.jackson.databind.json.JsonMapper;

/** Problem+json error responses for every service's REST API, and Netty resources of each service's own. */
@AutoConfiguration
@AutoConfigureOrder(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Import(ProblemAdvice.class)
@EnableConfigurationProperties(WebLimitsProperties.class)
public class KitWebAutoConfiguration {

    @Bean
    RequestBodyLimit requestBodyLimit(WebLimitsProperties limits, JsonMapper json) {
        return new RequestBodyLimit(limits, new ProblemResponses(json));
    }

    /**
     * Event loops of the service's own: with Reactor's global ones, stopping one service closes them for every other
     * server in the JVM, as when the system tests run all services and the Graph simulator in one and restart one.
     */
    @Bean
    @ConditionalOnClass(ReactorResourceFactory.class)
    @ConditionalOnMissingBean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}

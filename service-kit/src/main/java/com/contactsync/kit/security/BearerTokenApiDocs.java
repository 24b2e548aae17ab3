package com.contactsync.kit.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/** Every service's OpenAPI document says what every operation needs: a bearer JWT. */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
public class BearerTokenApiDocs {

    static final String SCHEME = "bearer";

    @Bean
    OpenApiCustomizer bearerTokenSecurity() {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("An OAuth2 access token of the configured issuer (Entra ID); see docs/security.md"));
            api.addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }
}

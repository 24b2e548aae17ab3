package com.contactsync.kit.security;

import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import reactor.core.publisher.Mono;

/**
 * This service's own bearer token for calls to another service's API: client credentials at the issuer, kept until
 * shortly before it expires (Spring Security's authorized-client manager).
 */
public final class ServiceTokens {

    private static final String REGISTRATION = "contact-sync";

    private final SecurityProperties.Client client;
    private final ExchangeFilterFunction bearer;

    ServiceTokens(SecurityProperties.Client client) {
        this.client = client;
        this.bearer = client.clientSecret() == null || client.clientSecret().isBlank() ? null : bearer(client);
    }

    /** Adds the bearer token to each request; without a configured secret the request fails saying so. */
    public ExchangeFilterFunction filter() {
        if (bearer == null) {
            return (request, next) -> Mono.error(new IllegalStateException("no client secret for calls to other services: "
                    + "set contactsync.security.client.client-secret (CONTACTSYNC_SECURITY_CLIENT_CLIENTSECRET) for client "
                    + client.clientId()));
        }
        return bearer;
    }

    private static ExchangeFilterFunction bearer(SecurityProperties.Client client) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .tokenUri(client.tokenUri().toString())
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .scope(client.scope())
                .build();
        var registrations = new InMemoryReactiveClientRegistrationRepository(registration);
        var manager = new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations,
                new InMemoryReactiveOAuth2AuthorizedClientService(registrations));
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        var filter = new ServerOAuth2AuthorizedClientExchangeFilterFunction(manager);
        filter.setDefaultClientRegistrationId(REGISTRATION);
        return filter;
    }
}

package com.contactsync.graphsim.auth;

import com.contactsync.graphsim.GraphSimProperties;
import com.contactsync.graphsim.error.GraphException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * What a resource server needs from an issuer, at Entra's paths: the OpenID configuration and the key set. And,
 * because the sandbox has no sign-in page, a test control that hands out a person's token:
 * {@code POST /_simulator/tokens {"userId": "ALICE", "roles": []}}.
 */
@Configuration(proxyBeanMethods = false)
class ApiIssuerEndpoints {

    private final GraphSimProperties properties;
    private final ApiTokenIssuer issuer;

    ApiIssuerEndpoints(GraphSimProperties properties, ApiTokenIssuer issuer) {
        this.properties = properties;
        this.issuer = issuer;
    }

    record TokenRequest(String userId, List<String> roles) {
    }

    @Bean
    RouterFunction<ServerResponse> apiIssuerRoutes() {
        return RouterFunctions.route()
                .GET("/{tenant}/v2.0/.well-known/openid-configuration", this::openIdConfiguration)
                .GET("/{tenant}/discovery/v2.0/keys", request -> known(request)
                        .then(ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(issuer.keySet())))
                .POST("/_simulator/tokens", request -> request.bodyToMono(TokenRequest.class).flatMap(this::userToken))
                .build();
    }

    private Mono<ServerResponse> openIdConfiguration(ServerRequest request) {
        String base = UriComponentsBuilder.fromUri(request.uri()).replacePath("/" + properties.tenant()).replaceQuery(null)
                .toUriString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("issuer", issuer.issuer());
        body.put("token_endpoint", base + "/oauth2/v2.0/token");
        body.put("jwks_uri", base + "/discovery/v2.0/keys");
        body.put("id_token_signing_alg_values_supported", List.of("RS256"));
        body.put("token_endpoint_auth_methods_supported", List.of("client_secret_post"));
        return known(request).then(ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body));
    }

    private Mono<ServerResponse> userToken(TokenRequest token) {
        if (token.userId() == null || token.userId().isBlank()) {
            return Mono.error(GraphException.badRequest("A token needs a userId."));
        }
        long expiresIn = properties.tokenLifetime().toSeconds();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", expiresIn);
        body.put("access_token", issuer.userToken(token.userId(), token.roles() == null ? List.of() : token.roles()));
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private Mono<Void> known(ServerRequest request) {
        return request.pathVariable("tenant").equalsIgnoreCase(properties.tenant())
                ? Mono.empty()
                : Mono.error(GraphException.badRequest("Tenant '" + request.pathVariable("tenant") + "' not found."));
    }
}

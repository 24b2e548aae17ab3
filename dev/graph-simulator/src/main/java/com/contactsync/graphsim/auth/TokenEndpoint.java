package com.contactsync.graphsim.auth;

import com.contactsync.graphsim.GraphSimProperties;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Entra ID's client-credentials token endpoint, {@code POST /{tenant}/oauth2/v2.0/token}, for the one configured
 * application; refusals carry Entra's {@code AADSTS} codes and error JSON. The scope chooses the token: Contact
 * Sync's own API ({@code api://contact-sync/.default}) gets an RS256 token from {@link ApiTokenIssuer}, anything
 * else a Graph token.
 */
@Configuration(proxyBeanMethods = false)
class TokenEndpoint {

    private static final DateTimeFormatter AAD_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    private final GraphSimProperties properties;
    private final TokenService tokens;
    private final ApiTokenIssuer apiTokens;

    TokenEndpoint(GraphSimProperties properties, TokenService tokens, ApiTokenIssuer apiTokens) {
        this.properties = properties;
        this.tokens = tokens;
        this.apiTokens = apiTokens;
    }

    @Bean
    RouterFunction<ServerResponse> tokenRoute() {
        return RouterFunctions.route()
                .POST("/{tenant}/oauth2/v2.0/token", request -> request.formData().flatMap(form -> token(request, form)))
                .build();
    }

    private Mono<ServerResponse> token(ServerRequest request, MultiValueMap<String, String> form) {
        String tenant = request.pathVariable("tenant");
        if (!tenant.equalsIgnoreCase(properties.tenant())) {
            return refuse(HttpStatus.BAD_REQUEST, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make "
                    + "sure you have the correct tenant ID and are signing into the correct cloud.");
        }
        for (String parameter : List.of("grant_type", "client_id", "scope")) {
            if (form.getFirst(parameter) == null || form.getFirst(parameter).isBlank()) {
                return refuse(HttpStatus.BAD_REQUEST, "invalid_request", 900144,
                        "The request body must contain the following parameter: '" + parameter + "'.");
            }
        }
        if (!"client_credentials".equals(form.getFirst("grant_type"))) {
            return refuse(HttpStatus.BAD_REQUEST, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + form.getFirst("grant_type") + "'.");
        }
        String clientId = form.getFirst("client_id");
        if (!clientId.equals(properties.clientId())) {
            return refuse(HttpStatus.BAD_REQUEST, "unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + tenant + "'.");
        }
        String secret = form.getFirst("client_secret");
        if (secret == null || secret.isEmpty()) {
            return refuse(HttpStatus.UNAUTHORIZED, "invalid_client", 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }
        if (!secret.equals(properties.clientSecret())) {
            return refuse(HttpStatus.UNAUTHORIZED, "invalid_client", 7000215, "Invalid client secret provided. Ensure the "
                    + "secret being sent in the request is the client secret value, not the client secret ID, for a secret "
                    + "added to app '" + clientId + "'.");
        }
        String scope = form.getFirst("scope");
        if (!scope.endsWith("/.default")) {
            return refuse(HttpStatus.BAD_REQUEST, "invalid_scope", 1002012, "The provided value for scope " + scope + " is not "
                    + "valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier "
                    + "(application ID URI).");
        }
        long expiresIn = properties.tokenLifetime().toSeconds();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", expiresIn);
        body.put("ext_expires_in", expiresIn);
        body.put("access_token", scope.equals(properties.api().audience() + "/.default")
                ? apiTokens.applicationToken(clientId)
                : tokens.issue(tenant, clientId, properties.tokenLifetime()));
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static Mono<ServerResponse> refuse(HttpStatus status, String error, int code, String message) {
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        String timestamp = AAD_TIMESTAMP.format(OffsetDateTime.now(ZoneOffset.UTC));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", "AADSTS" + code + ": " + message + " Trace ID: " + traceId + " Correlation ID: "
                + correlationId + " Timestamp: " + timestamp);
        body.put("error_codes", List.of(code));
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }
}

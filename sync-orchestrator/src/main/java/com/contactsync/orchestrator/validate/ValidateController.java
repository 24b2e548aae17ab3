package com.contactsync.orchestrator.validate;

import com.contactsync.kit.security.ServiceTokens;
import com.contactsync.kit.web.ApiProblem;
import com.contactsync.kit.web.Blocking;
import com.contactsync.orchestrator.OrchestratorProperties;
import com.contactsync.orchestrator.users.SyncSetup;
import com.contactsync.orchestrator.users.User;
import com.contactsync.orchestrator.users.UserService;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Checks that a user's sync can work — user, setup, then the gateway's sign-in, mailbox and folder checks — without
 * changing anything.
 */
@RestController
class ValidateController {

    private final UserService users;
    private final WebClient gateway;
    private final OrchestratorProperties properties;

    ValidateController(UserService users, WebClient.Builder http, ServiceTokens tokens, OrchestratorProperties properties) {
        this.users = users;
        this.gateway = http.baseUrl(properties.gatewayUrl().toString()).filter(tokens.filter()).build();
        this.properties = properties;
    }

    @PostMapping("/api/v1/users/{userId}/contact-sync/validate")
    Mono<Validation> validate(@PathVariable String userId) {
        return Blocking.call(() -> users.findUser(userId)
                        .orElseThrow(() -> ApiProblem.notFound("No user " + userId)))
                .zipWith(Blocking.call(() -> users.findSetup(userId).map(List::of).orElse(List.of())))
                .flatMap(found -> {
                    User user = found.getT1();
                    List<Validation.Check> checks = new ArrayList<>();
                    if (user.m365Email() == null) {
                        checks.add(new Validation.Check("user", false, "User " + userId
                                + " has no Microsoft 365 e-mail: set m365Email with PUT /api/v1/users/" + userId));
                        return Mono.just(new Validation(false, checks));
                    }
                    checks.add(new Validation.Check("user", true, "Mailbox " + user.m365Email()));
                    String folder = found.getT2().isEmpty() ? SyncSetup.DEFAULT_FOLDER : found.getT2().get(0).folderName();
                    checks.add(found.getT2().isEmpty()
                            ? new Validation.Check("setup", false, "No contact sync setup: PUT /api/v1/users/" + userId
                                    + "/contact-sync")
                            : new Validation.Check("setup", true, found.getT2().get(0).enabled()
                                    ? "Enabled, folder '" + folder + "'" : "Disabled: nothing syncs until it is enabled"));
                    return gatewayChecks(user.m365Email(), folder).map(remote -> {
                        checks.addAll(remote);
                        return new Validation(checks.stream().allMatch(Validation.Check::ok), checks);
                    });
                });
    }

    private Mono<List<Validation.Check>> gatewayChecks(String mailbox, String folder) {
        return gateway.post()
                .uri(uri -> uri.path("/api/v1/mailboxes/{mailbox}/check").queryParam("folderName", "{folder}")
                        .build(mailbox, folder))
                .retrieve()
                .bodyToMono(Validation.class)
                .timeout(properties.gatewayTimeout())
                .map(Validation::checks)
                .onErrorResume(e -> Mono.just(List.of(new Validation.Check("gateway", false, gatewayFailure(e)))));
    }

    private String gatewayFailure(Throwable e) {
        if (e instanceof WebClientResponseException.Unauthorized || e instanceof WebClientResponseException.Forbidden
                || e instanceof OAuth2AuthorizationException) {
            return "outlook-gateway at " + properties.gatewayUrl() + " refused the orchestrator (" + e.getMessage()
                    + "); check contactsync.security.client.* and that its application has the admin role";
        }
        return "outlook-gateway did not answer at " + properties.gatewayUrl() + " (" + e.getMessage()
                + "); check that it runs and that contactsync.orchestrator.gateway-url points at it";
    }
}

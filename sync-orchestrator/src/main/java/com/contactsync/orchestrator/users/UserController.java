package com.contactsync.orchestrator.users;

import com.contactsync.kit.web.ApiProblem;
import com.contactsync.kit.web.Blocking;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/users/{userId}")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    @PutMapping
    Mono<User> putUser(@PathVariable String userId, @Valid @RequestBody UserRequest request) {
        return Blocking.call(() -> users.saveUser(userId, request));
    }

    @GetMapping
    Mono<User> getUser(@PathVariable String userId) {
        return Blocking.call(() -> users.findUser(userId).orElseThrow(() -> ApiProblem.notFound("No user " + userId)));
    }

    @PutMapping("/contact-sync")
    Mono<SyncSetup> putSetup(@PathVariable String userId, @Valid @RequestBody SetupRequest request) {
        return Blocking.call(() -> users.saveSetup(userId, request));
    }

    @GetMapping("/contact-sync")
    Mono<SyncSetup> getSetup(@PathVariable String userId) {
        return Blocking.call(() -> users.findSetup(userId)
                .orElseThrow(() -> ApiProblem.notFound("User " + userId + " has no contact sync setup")));
    }
}

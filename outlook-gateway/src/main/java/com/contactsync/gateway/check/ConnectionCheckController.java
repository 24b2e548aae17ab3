package com.contactsync.gateway.check;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/v1/mailboxes")
@Tag(name = "connection check", description = "Whether the gateway can sync a mailbox, for the orchestrator's validate")
class ConnectionCheckController {

    private final ConnectionCheck check;

    ConnectionCheckController(ConnectionCheck check) {
        this.check = check;
    }

    @PostMapping("/{mailbox}/check")
    @Operation(summary = "Check the connection to a mailbox's contact folder",
            description = "Signs in to Microsoft Graph (credentials), reads the mailbox's contact folders (mailbox: unknown mailbox, "
                    + "access denied by an application access policy, Graph unreachable) and looks for the folder (folder: missing is "
                    + "fine, it is created at the first sync). Always 200; ok is false when a check failed, and each failed check "
                    + "says what to do. Changes nothing.")
    Mono<CheckReport> check(@Parameter(description = "The user's Microsoft 365 e-mail (user principal name) or user id") @PathVariable String mailbox,
            @Parameter(description = "The contact folder the user's sync writes to") @RequestParam(defaultValue = "Business Central") String folderName) {
        return Mono.fromCallable(() -> check.run(mailbox, folderName)).subscribeOn(Schedulers.boundedElastic());
    }
}

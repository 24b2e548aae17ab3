package com.contactsync.gateway.check;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(description = "Whether the gateway can sync this mailbox's folder, and what to do when not")
public record CheckReport(
        @Schema(description = "True when every check passed") boolean ok,
        @Schema(description = "credentials, mailbox and folder, in that order; after a failed check the later ones are not made")
        List<Check> checks) {

    @Schema(description = "One check")
    public record Check(
            @Schema(description = "credentials, mailbox or folder") String name,
            @Schema(description = "Whether it passed") boolean ok,
            @Schema(description = "What was found, and when it failed, what to do about it") String message) {
    }
}

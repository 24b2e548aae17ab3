package com.contactsync.graphsim.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestStatsTest {

    @Test
    void idsAndUserNamesBecomeIdPlaceholdersAndFixedSegmentsStay() {
        assertThat(RequestStats.pattern("/v1.0/users/a@b.test/contactFolders/AAMkA-_=/contacts/AAMkAx="))
                .isEqualTo("/v1.0/users/{id}/contactFolders/{id}/contacts/{id}");
        assertThat(RequestStats.pattern("/v1.0/users/a@b.test/contactFolders/AAMkA=/contacts/delta()"))
                .isEqualTo("/v1.0/users/{id}/contactFolders/{id}/contacts/delta()");
        assertThat(RequestStats.pattern("/v1.0/users/a@b.test/contacts")).isEqualTo("/v1.0/users/{id}/contacts");
        assertThat(RequestStats.pattern("/sandbox/oauth2/v2.0/token")).isEqualTo("/{tenant}/oauth2/v2.0/token");
        assertThat(RequestStats.pattern("/v1.0/$batch")).isEqualTo("/v1.0/$batch");
    }
}

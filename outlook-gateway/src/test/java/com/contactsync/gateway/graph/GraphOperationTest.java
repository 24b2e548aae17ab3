package com.contactsync.gateway.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The operation tag of Graph metrics, the same for a request on its own and for a batch step. */
class GraphOperationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "POST   | /v1.0/$batch                                          |                 | BATCH",
            "GET    | /v1.0/users/a@b.c/contactFolders                      | $filter=x       | FOLDER_LIST",
            "POST   | /v1.0/users/a@b.c/contactFolders                      |                 | FOLDER_CREATE",
            "GET    | /v1.0/users/a@b.c/contactFolders/F1                   |                 | FOLDER_GET",
            "PATCH  | /v1.0/users/a@b.c/contactFolders/F1                   |                 | FOLDER_RENAME",
            "POST   | /users/a@b.c/contactFolders/F1/contacts               |                 | CONTACT_CREATE",
            "GET    | /users/a@b.c/contactFolders/F1/contacts               | %24filter=tag   | CONTACT_LOOKUP",
            "GET    | /v1.0/users/a@b.c/contactFolders/F1/contacts          | %24top=1000     | CONTACT_LIST",
            "GET    | /users/a@b.c/contactFolders/F1/contacts/C1            | %24select=id    | CONTACT_GET",
            "PATCH  | /users/a@b.c/contactFolders/F1/contacts/C1            |                 | CONTACT_UPDATE",
            "DELETE | /users/a@b.c/contactFolders/F1/contacts/C1            |                 | CONTACT_DELETE",
            "PATCH  | /v1.0/users/a@b.c/contacts/C1                         |                 | CONTACT_UPDATE",
            "GET    | /v1.0/users/a@b.c/contactFolders/F1/contacts/delta()  | %24select=id    | DELTA",
            "GET    | /v1.0/users/a@b.c/contactFolders/F1/contacts/delta    | %24deltatoken=x | DELTA",
            "GET    | /v1.0/me                                              |                 | OTHER"})
    void requestsAreNamedByWhatTheyDo(String method, String path, String query, GraphOperation operation) {
        assertThat(GraphOperation.of(method, path, query)).isEqualTo(operation);
    }

    @Test
    void tagsAreLowerCase() {
        assertThat(GraphOperation.CONTACT_CREATE.tag()).isEqualTo("contact_create");
    }
}

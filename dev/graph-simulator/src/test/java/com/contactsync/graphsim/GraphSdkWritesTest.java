package com.contactsync.graphsim;

import static com.contactsync.graphsim.GraphSdkContactsTest.TAG;
import static com.contactsync.graphsim.GraphSdkContactsTest.taggedContact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Folder renames and deletes, contact PATCH and DELETE with change keys and If-Match, through the real Graph SDK. */
class GraphSdkWritesTest {

    private static final String OTHER_TAG = "String {5f1d3c8e-7a2b-4c1e-9d4a-2b6e8f0a1c37} Name Origin";

    private final RunningSimulator simulator = RunningSimulator.get();
    private final GraphServiceClient graph = simulator.graph();
    private final String mailbox = simulator.newMailbox();

    @Test
    void renamedFolderIsFoundUnderItsNewNameOnly() {
        String folderId = createFolder("Business Central").getId();

        ContactFolder rename = new ContactFolder();
        rename.setDisplayName("BC Contacts");
        ContactFolder renamed = folders().byContactFolderId(folderId).patch(rename);

        assertThat(renamed.getId()).isEqualTo(folderId);
        assertThat(renamed.getDisplayName()).isEqualTo("BC Contacts");
        assertThat(foldersNamed("BC Contacts")).extracting(ContactFolder::getId).containsExactly(folderId);
        assertThat(foldersNamed("Business Central")).isEmpty();
    }

    @Test
    void renamingToASiblingsNameIsRefusedWithErrorFolderExists() {
        createFolder("Business Central");
        String other = createFolder("Other").getId();
        ContactFolder rename = new ContactFolder();
        rename.setDisplayName("business central");

        assertGraphError(() -> folders().byContactFolderId(other).patch(rename), 409, "ErrorFolderExists");
        assertThat(folders().byContactFolderId(other).get().getDisplayName()).isEqualTo("Other");
    }

    @Test
    void deletedFolderAndItsContactsAreGone() {
        String folderId = createFolder("Business Central").getId();
        Contact contact = createContact(folderId, taggedContact("CT100001", "Ada", "Lovelace"));

        folders().byContactFolderId(folderId).delete();

        assertGraphError(() -> folders().byContactFolderId(folderId).get(), 404, "ErrorItemNotFound");
        assertGraphError(() -> contacts().byContactId(contact.getId()).get(), 404, "ErrorItemNotFound");
        assertThat(folders().get().getValue()).isEmpty();
    }

    @Test
    void displayNameFilterSearchesTopLevelFoldersNotTheDefaultFolderAbove() {
        createFolder("Business Central");

        assertThat(foldersNamed("Contacts")).isEmpty();
        assertThat(foldersNamed("Business Central")).hasSize(1);
    }

    @Test
    void patchChangesOnlySentPropertiesAndGivesANewChangeKey() {
        String folderId = createFolder("Business Central").getId();
        Contact created = createContact(folderId, taggedContact("CT100002", "Grace", "Hopper"));

        Contact change = new Contact();
        change.setJobTitle("Rear Admiral");
        change.setMobilePhone(null);
        change.setCategories(List.of("Business Central", "Navy"));
        Contact patched = contacts().byContactId(created.getId()).patch(change);
        Contact read = contacts().byContactId(created.getId()).get();

        assertThat(patched.getId()).isEqualTo(created.getId());
        assertThat(patched.getChangeKey()).isNotBlank().isNotEqualTo(created.getChangeKey());
        assertThat(patched.getAdditionalData()).containsEntry("@odata.etag", "W/\"" + patched.getChangeKey() + "\"");
        assertThat(patched.getLastModifiedDateTime()).isAfterOrEqualTo(created.getLastModifiedDateTime());
        assertThat(patched.getCreatedDateTime()).isEqualTo(created.getCreatedDateTime());
        assertThat(read.getChangeKey()).isEqualTo(patched.getChangeKey());
        assertThat(read.getJobTitle()).isEqualTo("Rear Admiral");
        assertThat(read.getMobilePhone()).isNull();
        assertThat(read.getCategories()).containsExactly("Business Central", "Navy");
        assertThat(read.getGivenName()).isEqualTo("Grace");
        assertThat(read.getSurname()).isEqualTo("Hopper");
        assertThat(read.getCompanyName()).isEqualTo("Analytical Engines Ltd");
        assertThat(read.getEmailAddresses()).extracting(EmailAddress::getAddress).containsExactly("ada@example.com", "ada@home.example");
        assertThat(read.getBusinessAddress().getCity()).isEqualTo("London");
    }

    @Test
    void patchSetsExtendedPropertiesByIdAndKeepsTheOthers() {
        String folderId = createFolder("Business Central").getId();
        Contact created = createContact(folderId, taggedContact("CT100003", "Alan", "Turing"));

        Contact change = new Contact();
        change.setSingleValueExtendedProperties(List.of(property(TAG, "CT100004"), property(OTHER_TAG, "bc")));
        contacts().byContactId(created.getId()).patch(change);
        Contact read = contacts().byContactId(created.getId()).get(request -> request.queryParameters.expand =
                new String[] {"singleValueExtendedProperties($filter=id eq '" + TAG + "' or id eq '" + OTHER_TAG + "')"});

        assertThat(read.getSingleValueExtendedProperties())
                .extracting(SingleValueLegacyExtendedProperty::getId, SingleValueLegacyExtendedProperty::getValue)
                .containsExactlyInAnyOrder(Tuple.tuple(TAG, "CT100004"), Tuple.tuple(OTHER_TAG, "bc"));
        assertThat(read.getSurname()).isEqualTo("Turing");
    }

    @Test
    void patchWithAStaleIfMatchIsRefusedWith412AndChangesNothing() {
        String folderId = createFolder("Business Central").getId();
        Contact created = createContact(folderId, taggedContact("CT100005", "Barbara", "Liskov"));
        Contact first = new Contact();
        first.setJobTitle("Professor");
        contacts().byContactId(created.getId()).patch(first);

        Contact second = new Contact();
        second.setJobTitle("Overwritten");
        assertGraphError(() -> contacts().byContactId(created.getId())
                .patch(second, request -> request.headers.add("If-Match", etag(created))), 412, "ErrorIrresolvableConflict");

        assertThat(contacts().byContactId(created.getId()).get().getJobTitle()).isEqualTo("Professor");
    }

    @Test
    void patchWithTheCurrentEtagOrAWildcardIsAccepted() {
        String folderId = createFolder("Business Central").getId();
        Contact created = createContact(folderId, taggedContact("CT100006", "Edsger", "Dijkstra"));
        Contact change = new Contact();
        change.setJobTitle("Professor");

        Contact weak = contacts().byContactId(created.getId()).patch(change, request -> request.headers.add("If-Match", etag(created)));
        Contact strong = contacts().byContactId(created.getId())
                .patch(change, request -> request.headers.add("If-Match", "\"" + weak.getChangeKey() + "\""));
        Contact any = contacts().byContactId(created.getId()).patch(change, request -> request.headers.add("If-Match", "*"));

        assertThat(List.of(created.getChangeKey(), weak.getChangeKey(), strong.getChangeKey(), any.getChangeKey())).doesNotHaveDuplicates();
    }

    @Test
    void deleteAnswers204AndTheContactIsGoneFromGetAndList() {
        String folderId = createFolder("Business Central").getId();
        Contact kept = createContact(folderId, taggedContact("CT100007", "Kurt", "Goedel"));
        Contact deleted = createContact(folderId, taggedContact("CT100008", "Alonzo", "Church"));

        folders().byContactFolderId(folderId).contacts().byContactId(deleted.getId())
                .delete(request -> request.headers.add("If-Match", etag(deleted)));

        assertGraphError(() -> contacts().byContactId(deleted.getId()).get(), 404, "ErrorItemNotFound");
        assertThat(folders().byContactFolderId(folderId).contacts().get().getValue()).extracting(Contact::getId)
                .containsExactly(kept.getId());
        assertThat(simulator.requests("DELETE", "/v1.0/users/{id}/contactFolders/{id}/contacts/{id}", 204)).isPositive();
    }

    @Test
    void deleteWithAStaleIfMatchIsRefusedWith412AndKeepsTheContact() {
        String folderId = createFolder("Business Central").getId();
        Contact created = createContact(folderId, taggedContact("CT100009", "John", "Backus"));
        Contact change = new Contact();
        change.setJobTitle("Fortran");
        contacts().byContactId(created.getId()).patch(change);

        assertGraphError(() -> contacts().byContactId(created.getId()).delete(request -> request.headers.add("If-Match", etag(created))),
                412, "ErrorIrresolvableConflict");
        assertThat(contacts().byContactId(created.getId()).get().getJobTitle()).isEqualTo("Fortran");
    }

    @Test
    void contactOfAnotherFolderCannotBePatchedOrDeletedThroughThisFolder() {
        String folderA = createFolder("A").getId();
        String folderB = createFolder("B").getId();
        Contact inA = createContact(folderA, taggedContact("CT100010", "Donald", "Knuth"));

        assertGraphError(() -> folders().byContactFolderId(folderB).contacts().byContactId(inA.getId()).patch(new Contact()),
                404, "ErrorItemNotFound");
        assertGraphError(() -> folders().byContactFolderId(folderB).contacts().byContactId(inA.getId()).delete(),
                404, "ErrorItemNotFound");
        assertThat(contacts().byContactId(inA.getId()).get().getChangeKey()).isEqualTo(inA.getChangeKey());
    }

    @Test
    void unknownPropertyInAPatchIsRefusedWith400() {
        String folderId = createFolder("Business Central").getId();
        Contact created = createContact(folderId, taggedContact("CT100011", "Niklaus", "Wirth"));
        Contact change = new Contact();
        change.getAdditionalData().put("favouriteLanguage", "Pascal");

        assertGraphError(() -> contacts().byContactId(created.getId()).patch(change), 400, "RequestBodyRead");
    }

    static void assertGraphError(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call)
                .asInstanceOf(type(ODataError.class))
                .satisfies(error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(status);
                    assertThat(error.getError().getCode()).isEqualTo(code);
                });
    }

    private static String etag(Contact contact) {
        return (String) contact.getAdditionalData().get("@odata.etag");
    }

    private static SingleValueLegacyExtendedProperty property(String id, String value) {
        SingleValueLegacyExtendedProperty property = new SingleValueLegacyExtendedProperty();
        property.setId(id);
        property.setValue(value);
        return property;
    }

    private com.microsoft.graph.users.item.contactfolders.ContactFoldersRequestBuilder folders() {
        return graph.users().byUserId(mailbox).contactFolders();
    }

    private com.microsoft.graph.users.item.contacts.ContactsRequestBuilder contacts() {
        return graph.users().byUserId(mailbox).contacts();
    }

    private List<ContactFolder> foldersNamed(String name) {
        return folders().get(request -> request.queryParameters.filter = "displayName eq '" + name.replace("'", "''") + "'").getValue();
    }

    private ContactFolder createFolder(String name) {
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName(name);
        return folders().post(folder);
    }

    private Contact createContact(String folderId, Contact contact) {
        return folders().byContactFolderId(folderId).contacts().post(contact);
    }
}

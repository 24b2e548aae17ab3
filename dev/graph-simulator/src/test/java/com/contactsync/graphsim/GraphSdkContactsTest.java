package com.contactsync.graphsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.PhysicalAddress;
import com.microsoft.graph.models.SingleValueLegacyExtendedProperty;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AnonymousAuthenticationProvider;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The simulator driven by the real Graph SDK over HTTP, the way the gateway uses Graph. */
class GraphSdkContactsTest {

    static final String TAG = "String {5f1d3c8e-7a2b-4c1e-9d4a-2b6e8f0a1c37} Name BcContactNo";

    private final RunningSimulator simulator = RunningSimulator.get();
    private final GraphServiceClient graph = simulator.graph();
    private final String mailbox = simulator.newMailbox();

    @Test
    void createdFolderIsFoundByDisplayNameFilterWithQuotesEscaped() {
        ContactFolder created = createFolder("Business Central");
        createFolder("O'Brien's contacts");

        List<ContactFolder> found = graph.users().byUserId(mailbox).contactFolders()
                .get(request -> request.queryParameters.filter = "displayName eq 'Business Central'").getValue();
        List<ContactFolder> quoted = graph.users().byUserId(mailbox).contactFolders()
                .get(request -> request.queryParameters.filter = "displayName eq 'O''Brien''s contacts'").getValue();

        assertThat(created.getId()).isNotBlank();
        assertThat(found).extracting(ContactFolder::getId).containsExactly(created.getId());
        assertThat(quoted).extracting(ContactFolder::getDisplayName).containsExactly("O'Brien's contacts");
        assertThat(graph.users().byUserId(mailbox).contactFolders().byContactFolderId(created.getId()).get().getDisplayName())
                .isEqualTo("Business Central");
    }

    @Test
    void secondFolderOfTheSameNameIsRefusedWithErrorFolderExists() {
        createFolder("Business Central");

        assertThatThrownBy(() -> createFolder("business central"))
                .asInstanceOf(type(ODataError.class))
                .satisfies(error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(409);
                    assertThat(error.getError().getCode()).isEqualTo("ErrorFolderExists");
                });
    }

    @Test
    void taggedContactReadsBackWithEveryMappedFieldAndTheExpandedTag() {
        String folderId = createFolder("Business Central").getId();

        Contact created = createContact(folderId, taggedContact("CT000001", "Ada", "Lovelace"));
        Contact read = graph.users().byUserId(mailbox).contacts().byContactId(created.getId())
                .get(request -> request.queryParameters.expand = new String[] {expandTag()});

        assertThat(created.getChangeKey()).isNotBlank();
        assertThat(created.getParentFolderId()).isEqualTo(folderId);
        assertThat(created.getCreatedDateTime()).isNotNull();
        assertThat(created.getLastModifiedDateTime()).isNotNull();
        assertThat(created.getAdditionalData()).containsEntry("@odata.etag", "W/\"" + created.getChangeKey() + "\"");
        assertThat(read.getDisplayName()).isEqualTo("Ada Lovelace");
        assertThat(read.getGivenName()).isEqualTo("Ada");
        assertThat(read.getMiddleName()).isEqualTo("King");
        assertThat(read.getSurname()).isEqualTo("Lovelace");
        assertThat(read.getInitials()).isEqualTo("AKL");
        assertThat(read.getEmailAddresses()).extracting(EmailAddress::getAddress).containsExactly("ada@example.com", "ada@home.example");
        assertThat(read.getCompanyName()).isEqualTo("Analytical Engines Ltd");
        assertThat(read.getJobTitle()).isEqualTo("Programmer");
        assertThat(read.getBusinessPhones()).containsExactly("+44 20 1234 5678");
        assertThat(read.getMobilePhone()).isEqualTo("+44 7700 900123");
        assertThat(read.getBusinessAddress().getStreet()).isEqualTo("12 St James's Square\nFirst floor");
        assertThat(read.getBusinessAddress().getCity()).isEqualTo("London");
        assertThat(read.getBusinessAddress().getPostalCode()).isEqualTo("SW1Y 4JH");
        assertThat(read.getBusinessHomePage()).isEqualTo("https://engines.example");
        assertThat(read.getCategories()).containsExactly("Business Central");
        assertThat(read.getSingleValueExtendedProperties())
                .extracting(SingleValueLegacyExtendedProperty::getId, SingleValueLegacyExtendedProperty::getValue)
                .containsExactly(Tuple.tuple(TAG, "CT000001"));
    }

    @Test
    void extendedPropertyIsReturnedOnlyWhenExpanded() {
        String folderId = createFolder("Business Central").getId();
        Contact created = createContact(folderId, taggedContact("CT000002", "Grace", "Hopper"));

        Contact plain = graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts()
                .byContactId(created.getId()).get();

        assertThat(created.getSingleValueExtendedProperties()).isNull();
        assertThat(plain.getSingleValueExtendedProperties()).isNull();
        assertThat(plain.getId()).isEqualTo(created.getId());
    }

    @Test
    void extendedPropertyFilterFindsExactlyTheContactWithThatTag() {
        String folderId = createFolder("Business Central").getId();
        Contact wanted = createContact(folderId, taggedContact("CT000003", "Alan", "Turing"));
        createContact(folderId, taggedContact("CT000004", "Alonzo", "Church"));
        Contact untagged = taggedContact(null, "Kurt", "Goedel");
        untagged.setSingleValueExtendedProperties(null);
        createContact(folderId, untagged);

        for (String any : List.of("Any", "any")) {
            ContactCollectionResponse found = graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts()
                    .get(request -> {
                        request.queryParameters.filter = "singleValueExtendedProperties/" + any
                                + "(ep: ep/id eq '" + TAG + "' and ep/value eq 'CT000003')";
                        request.queryParameters.expand = new String[] {expandTag()};
                    });

            assertThat(found.getValue()).extracting(Contact::getId).containsExactly(wanted.getId());
            assertThat(found.getValue().get(0).getSingleValueExtendedProperties())
                    .extracting(SingleValueLegacyExtendedProperty::getValue).containsExactly("CT000003");
        }
    }

    @Test
    void listPagesByTenWithNextLinkLikeGraph() {
        String folderId = createFolder("Business Central").getId();
        for (int i = 0; i < 12; i++) {
            createContact(folderId, taggedContact("CT1%05d".formatted(i), "Given" + i, "Surname" + i));
        }

        ContactCollectionResponse first = graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts().get();
        ContactCollectionResponse second = graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts()
                .withUrl(first.getOdataNextLink()).get();

        List<String> surnames = new ArrayList<>();
        first.getValue().forEach(c -> surnames.add(c.getSurname()));
        second.getValue().forEach(c -> surnames.add(c.getSurname()));
        assertThat(first.getValue()).hasSize(10);
        assertThat(second.getOdataNextLink()).isNull();
        assertThat(surnames).hasSize(12).doesNotHaveDuplicates().contains("Surname0", "Surname11");
    }

    @Test
    void topAndSelectShapeEveryPageOfAList() {
        String folderId = createFolder("Business Central").getId();
        for (int i = 0; i < 3; i++) {
            createContact(folderId, taggedContact("CT2%05d".formatted(i), "Given" + i, "Surname" + i));
        }

        ContactCollectionResponse first = graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts()
                .get(request -> {
                    request.queryParameters.top = 2;
                    request.queryParameters.select = new String[] {"surname", "categories"};
                });
        ContactCollectionResponse second = graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts()
                .withUrl(first.getOdataNextLink()).get();

        List<Contact> items = new ArrayList<>(first.getValue());
        items.addAll(second.getValue());
        assertThat(first.getValue()).hasSize(2);
        assertThat(second.getOdataNextLink()).isNull();
        assertThat(items).hasSize(3).allSatisfy(item -> {
            assertThat(item.getId()).isNotBlank();
            assertThat(item.getSurname()).startsWith("Surname");
            assertThat(item.getCategories()).containsExactly("Business Central");
            assertThat(item.getGivenName()).isNull();
            assertThat(item.getEmailAddresses()).isNull();
        });
    }

    @Test
    void contactOfAnotherFolderIsNotFoundThroughThisFolder() {
        String folderA = createFolder("A").getId();
        String folderB = createFolder("B").getId();
        Contact inA = createContact(folderA, taggedContact("CT000005", "Barbara", "Liskov"));

        assertThatThrownBy(() -> graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderB).contacts()
                .byContactId(inA.getId()).get())
                .asInstanceOf(type(ODataError.class))
                .satisfies(error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(404);
                    assertThat(error.getError().getCode()).isEqualTo("ErrorItemNotFound");
                });
    }

    @Test
    void unknownMailboxGives404ErrorInvalidUserInGraphErrorShape() {
        assertThatThrownBy(() -> graph.users().byUserId("nobody@contoso.test").contactFolders().get())
                .asInstanceOf(type(ODataError.class))
                .satisfies(error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(404);
                    assertThat(error.getError().getCode()).isEqualTo("ErrorInvalidUser");
                    assertThat(error.getError().getMessage()).contains("nobody@contoso.test");
                    assertThat(error.getError().getInnerError().getRequestId()).isNotBlank();
                    assertThat(error.getError().getInnerError().getClientRequestId()).isNotBlank();
                    assertThat(error.getError().getInnerError().getDate()).isNotNull();
                });
    }

    @Test
    void requestWithoutTokenGives401InvalidAuthenticationToken() {
        GraphServiceClient anonymous = simulator.graph(new AnonymousAuthenticationProvider());

        assertThatThrownBy(() -> anonymous.users().byUserId(mailbox).contactFolders().get())
                .asInstanceOf(type(ODataError.class))
                .satisfies(error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(401);
                    assertThat(error.getError().getCode()).isEqualTo("InvalidAuthenticationToken");
                    assertThat(error.getError().getInnerError().getRequestId()).isNotBlank();
                });
    }

    @Test
    void unknownContactPropertyIsRefusedWith400() {
        String folderId = createFolder("Business Central").getId();
        Contact contact = taggedContact("CT000006", "Edsger", "Dijkstra");
        contact.getAdditionalData().put("favouriteAlgorithm", "shortest path");

        assertThatThrownBy(() -> createContact(folderId, contact))
                .asInstanceOf(type(ODataError.class))
                .satisfies(error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(400);
                    assertThat(error.getError().getCode()).isEqualTo("RequestBodyRead");
                    assertThat(error.getError().getMessage()).contains("favouriteAlgorithm");
                });
    }

    private ContactFolder createFolder(String name) {
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName(name);
        return graph.users().byUserId(mailbox).contactFolders().post(folder);
    }

    private Contact createContact(String folderId, Contact contact) {
        return graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts().post(contact);
    }

    private static String expandTag() {
        return "singleValueExtendedProperties($filter=id eq '" + TAG + "')";
    }

    /** A contact with every field SYNC-SPEC maps, tagged as the gateway tags it. */
    static Contact taggedContact(String contactNo, String givenName, String surname) {
        Contact contact = new Contact();
        contact.setDisplayName(givenName + " " + surname);
        contact.setGivenName(givenName);
        contact.setMiddleName("King");
        contact.setSurname(surname);
        contact.setInitials("AKL");
        contact.setEmailAddresses(List.of(email(givenName, "ada@example.com"), email(givenName, "ada@home.example")));
        contact.setCompanyName("Analytical Engines Ltd");
        contact.setJobTitle("Programmer");
        contact.setBusinessPhones(List.of("+44 20 1234 5678"));
        contact.setMobilePhone("+44 7700 900123");
        PhysicalAddress address = new PhysicalAddress();
        address.setStreet("12 St James's Square\nFirst floor");
        address.setCity("London");
        address.setState("Greater London");
        address.setPostalCode("SW1Y 4JH");
        address.setCountryOrRegion("GB");
        contact.setBusinessAddress(address);
        contact.setBusinessHomePage("https://engines.example");
        contact.setCategories(List.of("Business Central"));
        SingleValueLegacyExtendedProperty tag = new SingleValueLegacyExtendedProperty();
        tag.setId(TAG);
        tag.setValue(contactNo);
        contact.setSingleValueExtendedProperties(List.of(tag));
        return contact;
    }

    private static EmailAddress email(String name, String address) {
        EmailAddress email = new EmailAddress();
        email.setName(name);
        email.setAddress(address);
        return email;
    }
}

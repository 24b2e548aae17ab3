package com.contactsync.gateway;

import com.contactsync.contracts.events.LinkOrigin;
import com.contactsync.contracts.events.OutlookContact;
import com.contactsync.gateway.graph.ContactMapping;
import com.contactsync.gateway.graph.OutlookTag;
import com.contactsync.graphsim.RunningSimulator;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactCollectionResponse;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The test's own view of Outlook: the official SDK on the simulator, independent of the gateway's code, to look at
 * what the gateway wrote and to change contacts as a person in Outlook would.
 */
public final class OutlookView {

    private static final String EXPAND_TAGS = "singleValueExtendedProperties($filter=id eq '" + OutlookTag.BC_CONTACT_NO + "' or id eq '"
            + OutlookTag.BC_LINK_ORIGIN + "')";

    private final GraphServiceClient graph = RunningSimulator.get().graph();

    public Optional<String> folderId(String mailbox, String name) {
        List<ContactFolder> folders = graph.users().byUserId(mailbox).contactFolders()
                .get(request -> request.queryParameters.filter = "displayName eq '" + name.replace("'", "''") + "'").getValue();
        return folders.stream().map(ContactFolder::getId).findFirst();
    }

    public List<String> folderNames(String mailbox) {
        return graph.users().byUserId(mailbox).contactFolders().get().getValue().stream().map(ContactFolder::getDisplayName).toList();
    }

    public String createFolder(String mailbox, String name) {
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName(name);
        return graph.users().byUserId(mailbox).contactFolders().post(folder).getId();
    }

    public void deleteFolder(String mailbox, String folderId) {
        graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).delete();
    }

    /** Every contact of the folder with all its properties and both tags. */
    public List<Contact> contacts(String mailbox, String folderId) {
        var contacts = graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts();
        List<Contact> all = new ArrayList<>();
        ContactCollectionResponse page = contacts.get(request -> {
            request.queryParameters.top = 1000;
            request.queryParameters.expand = new String[] {EXPAND_TAGS};
        });
        while (true) {
            all.addAll(page.getValue());
            if (page.getOdataNextLink() == null) {
                return all;
            }
            page = contacts.withUrl(page.getOdataNextLink()).get();
        }
    }

    /** The folder's contacts by their BcContactNo tag (null for untagged ones). */
    public Map<String, List<Contact>> byContactNo(String mailbox, String folderName) {
        String folderId = folderId(mailbox, folderName).orElseThrow();
        return contacts(mailbox, folderId).stream().collect(Collectors.groupingBy(c -> String.valueOf(tags(c).bcContactNo())));
    }

    public static ContactMapping.Tags tags(Contact contact) {
        return ContactMapping.Tags.of(contact);
    }

    public Contact create(String mailbox, String folderId, Contact contact) {
        return graph.users().byUserId(mailbox).contactFolders().byContactFolderId(folderId).contacts().post(contact);
    }

    public Contact get(String mailbox, String contactId) {
        return graph.users().byUserId(mailbox).contacts().byContactId(contactId).get(request ->
                request.queryParameters.expand = new String[] {EXPAND_TAGS});
    }

    public Contact patch(String mailbox, String contactId, Contact patch) {
        return graph.users().byUserId(mailbox).contacts().byContactId(contactId).patch(patch);
    }

    public void delete(String mailbox, String contactId) {
        graph.users().byUserId(mailbox).contacts().byContactId(contactId).delete();
    }

    /** A contact as a person types it into Outlook: a name, an e-mail, no tags. */
    public static Contact typed(String givenName, String surname) {
        Contact contact = new Contact();
        contact.setGivenName(givenName);
        contact.setSurname(surname);
        contact.setDisplayName(givenName + " " + surname);
        EmailAddress email = new EmailAddress();
        email.setAddress(givenName.toLowerCase() + "@typed.example");
        contact.setEmailAddresses(List.of(email));
        return contact;
    }

    /** A contact as the system writes it, tagged with {@code contactNo} (and the origin when not null). */
    public static Contact tagged(OutlookContact fields, String contactNo, LinkOrigin origin) {
        return ContactMapping.forCreate(contactNo, fields, origin);
    }

    /** Fields of a contact as the orchestrator maps them from BC, distinct per {@code name}. */
    public static OutlookContact fields(String givenName, String surname) {
        String name = givenName + " " + surname;
        return new OutlookContact(name, givenName, "M.", surname, givenName.substring(0, 1) + surname.substring(0, 1),
                List.of(new OutlookContact.EmailAddress(name, givenName.toLowerCase() + "@example.com"),
                        new OutlookContact.EmailAddress(name, givenName.toLowerCase() + "@home.example")),
                "Analytical Engines Ltd", "Programmer", List.of("+44 20 1234 5678"), "+44 7700 900123",
                new OutlookContact.PhysicalAddress("12 St James's Square\nFirst floor", "London", "Greater London", "SW1Y 4JH", "GB"),
                "https://engines.example");
    }
}

package com.contactsync.orchestrator.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contracts.events.ContactFields;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.ContactType;
import com.contactsync.contracts.events.LinkOrigin;
import com.contactsync.contracts.events.OutlookContact;
import com.contactsync.contracts.events.OutlookItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * BC, one user's Outlook folder and the links, in memory: the world the planner's actions are applied to in the
 * model-based tests, with the checks of SYNC-SPEC's invariants.
 */
final class SyncModel {

    final Map<String, ContactSnapshot> bc = new TreeMap<>();
    final Map<String, OutlookItem> folder = new LinkedHashMap<>();
    final Map<String, Link> links = new TreeMap<>();
    /** Outlook contacts a person typed, and what they held when typed or last edited by the person. */
    final Map<String, OutlookContact> typedByPerson = new LinkedHashMap<>();
    final Set<String> adopted = new HashSet<>();
    Set<String> cities = Set.of("Berlin", "Paris");
    private int nextOutlookId;
    private int nextImportNo;
    private long version;

    Predicate<ContactSnapshot> target() {
        Set<String> filter = cities;
        return c -> c.type() == ContactType.PERSON && c.email() != null && !c.email().isBlank()
                && !c.privacyBlocked() && filter.contains(c.city());
    }

    SyncPlanner.Input input() {
        return new SyncPlanner.Input(Map.copyOf(bc), target(), List.copyOf(folder.values()), Map.copyOf(links));
    }

    void bcUpsert(String no, ContactType type, String name, String email, String city, boolean blocked) {
        bc.put(no, new ContactSnapshot(no, type, name, null, null, null, null, null, null, null, email, null, null,
                null, null, null, null, city, null, null, null, null, null, null, blocked, Instant.EPOCH, ++version));
    }

    String personTypes(String name, String email) {
        String id = "O" + ++nextOutlookId;
        OutlookContact contact = typed(name, email);
        folder.put(id, new OutlookItem(id, "ck", null, contact, null));
        typedByPerson.put(id, contact);
        return id;
    }

    void personEdits(String id, String name) {
        OutlookItem item = folder.get(id);
        OutlookContact c = item.contact();
        OutlookContact edited = new OutlookContact(name, c.givenName(), c.middleName(), c.surname(), c.initials(),
                c.emailAddresses(), c.companyName(), c.jobTitle(), c.businessPhones(), c.mobilePhone(),
                c.businessAddress(), c.businessHomePage());
        folder.put(id, new OutlookItem(id, "ck", item.bcContactNo(), edited, item.linkOrigin()));
        if (typedByPerson.containsKey(id)) {
            typedByPerson.put(id, edited);
        }
    }

    void personDeletes(String id) {
        folder.remove(id);
        typedByPerson.remove(id);
    }

    /** Applies actions as the orchestrator and gateway would; {@code recordResults} false models a crash that
     * lost what the gateway reported, so the folder changed but the links did not. */
    void apply(List<SyncAction> actions, boolean recordResults) {
        for (SyncAction action : actions) {
            if (action instanceof SyncAction.Create create) {
                if (recordResults) {
                    String email = FieldMapping.primaryEmail(create.contact());
                    Set<String> linkedIds = links.values().stream().map(Link::outlookId).collect(Collectors.toSet());
                    assertThat(folder.values()).as("S8: %s must adopt the typed contact with its e-mail", create)
                            .noneMatch(item -> item.bcContactNo() == null && !linkedIds.contains(item.id())
                                    && email != null && email.equals(FieldMapping.primaryEmail(item.contact())));
                }
                String id = "O" + ++nextOutlookId;
                folder.put(id, new OutlookItem(id, "ck", create.contactNo(), create.contact(), null));
                if (recordResults) {
                    links.put(create.contactNo(), new Link(create.contactNo(), id, LinkOrigin.BC,
                            OutlookComparison.hash(create.contact())));
                }
            } else if (action instanceof SyncAction.Update update) {
                assertThat(folder).as("update of a contact not in the folder").containsKey(update.outlookId());
                folder.put(update.outlookId(), new OutlookItem(update.outlookId(), "ck", update.contactNo(),
                        update.contact(), SyncPlanner.originTag(update.origin())));
                if (recordResults) {
                    links.put(update.contactNo(), new Link(update.contactNo(), update.outlookId(), update.origin(),
                            OutlookComparison.hash(update.contact())));
                }
            } else if (action instanceof SyncAction.Delete delete) {
                OutlookItem item = folder.get(delete.outlookId());
                Link link = links.get(delete.contactNo());
                boolean linked = link != null && delete.outlookId().equals(link.outlookId());
                assertThat(item.bcContactNo() != null || linked)
                        .as("S11: deletes only what it tagged or links: %s", delete).isTrue();
                folder.remove(delete.outlookId());
                typedByPerson.remove(delete.outlookId());
                if (recordResults && linked) {
                    links.remove(delete.contactNo());
                }
            } else if (action instanceof SyncAction.Adopt adopt) {
                if (recordResults) {
                    links.put(adopt.contactNo(), new Link(adopt.contactNo(), adopt.outlookId(), adopt.origin(), null));
                }
                if (adopt.origin() == LinkOrigin.OUTLOOK) {
                    adopted.add(adopt.outlookId());
                }
            } else if (action instanceof SyncAction.Unlink unlink) {
                if (recordResults) {
                    links.remove(unlink.contactNo());
                }
            } else if (action instanceof SyncAction.Import imported) {
                ContactFields f = imported.fields();
                assertThat(bc.values()).as("S8: no second BC contact for %s", f.email())
                        .noneMatch(c -> f.email().equalsIgnoreCase(c.email()));
                bcUpsert("I" + ++nextImportNo, ContactType.PERSON, f.name(), f.email(), "Berlin", false);
            }
        }
    }

    /** Plans and applies until nothing is left to do but reports; fails if that takes more than a few rounds. */
    void syncToConvergence() {
        for (int round = 0; round < 4; round++) {
            List<SyncAction> plan = SyncPlanner.plan(input());
            if (plan.stream().allMatch(a -> a instanceof SyncAction.Skip)) {
                return;
            }
            apply(plan, true);
        }
        throw new AssertionError("no convergence; still planned: " + SyncPlanner.plan(input()));
    }

    /** SYNC-SPEC's invariants after a converged sync. */
    void checkInvariants() {
        Predicate<ContactSnapshot> target = target();
        Map<String, List<OutlookItem>> byTag = folder.values().stream().filter(i -> i.bcContactNo() != null)
                .collect(Collectors.groupingBy(OutlookItem::bcContactNo));
        // S12: never two Outlook contacts for one BC contact.
        byTag.forEach((no, items) -> assertThat(items).as("S12: Outlook contacts tagged %s", no).hasSize(1));
        for (ContactSnapshot c : bc.values()) {
            if (target.test(c)) {
                // S1 and S2: exactly one, linked, with BC's values.
                assertThat(byTag.get(c.no())).as("S1: Outlook contact for %s", c.no()).isNotNull();
                OutlookItem item = byTag.get(c.no()).get(0);
                assertThat(OutlookComparison.same(item.contact(), FieldMapping.toOutlook(c)))
                        .as("S2: BC's values for %s", c.no()).isTrue();
                assertThat(links.get(c.no())).as("link of %s", c.no()).isNotNull()
                        .extracting(Link::outlookId).isEqualTo(item.id());
            } else if (byTag.containsKey(c.no())) {
                // S10: only a contact a person typed may stay once it left the target set, and unlinked.
                OutlookItem item = byTag.get(c.no()).get(0);
                assertThat(item.linkOrigin()).as("S10: %s left the target set", c.no()).isEqualTo(LinkOrigin.OUTLOOK);
                assertThat(links).as("S10: link of %s", c.no()).doesNotContainKey(c.no());
            }
        }
        // S9: nothing tagged with a deleted contact.
        assertThat(byTag.keySet()).as("S9").allMatch(bc::containsKey);
        // S11: what a person typed and the system never adopted is exactly as the person left it.
        typedByPerson.forEach((id, contact) -> {
            if (!adopted.contains(id)) {
                assertThat(folder).as("S11: typed contact %s", id).containsKey(id);
                assertThat(folder.get(id).contact()).isEqualTo(contact);
            }
        });
        // Links point at Outlook contacts that exist.
        links.values().forEach(link -> assertThat(folder).as("link %s", link).containsKey(link.outlookId()));
    }

    private static OutlookContact typed(String name, String email) {
        List<OutlookContact.EmailAddress> emails = new ArrayList<>();
        if (email != null) {
            emails.add(new OutlookContact.EmailAddress(name, email));
        }
        return new OutlookContact(name, null, null, null, null, emails, null, null, List.of(), null, null, null);
    }
}

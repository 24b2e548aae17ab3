package com.contactsync.orchestrator.sync;

import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.contracts.events.LinkOrigin;
import com.contactsync.contracts.events.OutlookContact;
import com.contactsync.contracts.events.OutlookItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The sync rules as a pure function: from what BC holds, what the user's folder holds and the links between them,
 * the actions that make the folder what SYNC-SPEC says it should be. Applying the actions and planning again yields
 * nothing more to do (apart from reports), which is what makes any sync safe to re-run (S12, S13).
 *
 * <p>Realtime, incremental and full syncs all plan with this function; they differ only in how fresh the folder
 * state is and how much of it they pass.
 */
public final class SyncPlanner {

    /** BC's limit on e-mail fields, and a loose shape check: Outlook accepts anything, BC does not. */
    private static final int BC_EMAIL_LENGTH = 80;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private SyncPlanner() {
    }

    /**
     * @param bc every live BC contact the plan may need, by number: the target set and any contact an Outlook
     *           contact is tagged with or shares an e-mail address with; a number that is absent was deleted in BC
     * @param inTarget membership of T(U)
     * @param folder the Outlook contacts of the user's folder
     * @param links the user's links, by contact number
     */
    public record Input(Map<String, ContactSnapshot> bc, Predicate<ContactSnapshot> inTarget,
                        Collection<OutlookItem> folder, Map<String, Link> links) {
    }

    public static List<SyncAction> plan(Input in) {
        List<SyncAction> actions = new ArrayList<>();
        Map<String, OutlookItem> byId = new TreeMap<>();
        Map<String, List<OutlookItem>> byTag = new TreeMap<>();
        for (OutlookItem item : in.folder()) {
            byId.put(item.id(), item);
            if (tag(item) != null) {
                byTag.computeIfAbsent(tag(item), t -> new ArrayList<>()).add(item);
            }
        }
        byTag.values().forEach(items -> items.sort(Comparator.comparing(OutlookItem::id)));
        // Linked contacts are spoken for before anything is matched by e-mail.
        Set<String> claimed = new HashSet<>();
        in.links().values().stream().filter(link -> !link.pending()).map(Link::outlookId)
                .filter(byId::containsKey).forEach(claimed::add);
        // Linked ones too: S10 may free one in this plan (TypedMatch skips what is claimed when it is asked)
        Map<String, List<OutlookItem>> untaggedByEmail = in.folder().stream()
                .filter(item -> tag(item) == null)
                .filter(item -> FieldMapping.primaryEmail(item.contact()) != null)
                .sorted(Comparator.comparing(OutlookItem::id))
                .collect(Collectors.groupingBy(item -> FieldMapping.primaryEmail(item.contact()), TreeMap::new,
                        Collectors.toList()));
        TypedMatch typedMatch = email -> untaggedByEmail.getOrDefault(email, List.of()).stream()
                .filter(item -> !claimed.contains(item.id()))
                .findFirst().orElse(null);

        // Every contact that has a link or a tagged Outlook contact: keep one Outlook contact and bring it in line.
        Set<String> known = new TreeSet<>(in.links().keySet());
        known.addAll(byTag.keySet());
        for (String no : known) {
            reconcileKnown(no, in, byId, byTag.getOrDefault(no, List.of()), typedMatch, claimed, actions);
        }

        // Contacts of the target set the folder does not have yet: adopt a typed contact with the same e-mail (S8),
        // or create one (S1).
        in.bc().values().stream()
                .filter(in.inTarget())
                .filter(c -> !known.contains(c.no()))
                .sorted(Comparator.comparing(ContactSnapshot::no))
                .forEach(c -> {
                    if (!adoptTyped(c, typedMatch, claimed, actions)) {
                        actions.add(new SyncAction.Create(c.no(), FieldMapping.toOutlook(c), false));
                    }
                });

        // What is left was typed by a person and is not linked: import it (S6) or leave it and say why (S6, S8).
        Map<String, List<String>> bcByEmail = emailIndex(in.bc().values());
        Map<String, String> importing = new TreeMap<>();
        for (OutlookItem item : byId.values()) {
            if (tag(item) != null || claimed.contains(item.id())) {
                continue;
            }
            SyncAction action = importOrSkip(item, bcByEmail, importing);
            if (action instanceof SyncAction.Import) {
                importing.put(FieldMapping.primaryEmail(item.contact()), item.id());
            }
            actions.add(action);
        }
        return actions;
    }

    /** The first unclaimed contact a person typed with this e-mail address, or null. */
    private interface TypedMatch {
        OutlookItem first(String email);
    }

    /** S8: links the contact to a typed Outlook contact with its e-mail, BC's values winning; false if none. */
    private static boolean adoptTyped(ContactSnapshot c, TypedMatch typedMatch, Set<String> claimed,
                                      List<SyncAction> actions) {
        OutlookItem match = typedMatch.first(lower(c.email()));
        if (match == null) {
            return false;
        }
        claimed.add(match.id());
        actions.add(new SyncAction.Adopt(c.no(), match.id(), LinkOrigin.OUTLOOK));
        actions.add(new SyncAction.Update(c.no(), match.id(), FieldMapping.toOutlook(c), LinkOrigin.OUTLOOK));
        return true;
    }

    private static void reconcileKnown(String no, Input in, Map<String, OutlookItem> byId, List<OutlookItem> tagged,
                                       TypedMatch typedMatch, Set<String> claimed, List<SyncAction> actions) {
        Link link = in.links().get(no);
        OutlookItem linked = link == null || link.pending() ? null : byId.get(link.outlookId());
        // A linked contact whose tag names another contact is not this one's (someone re-tagged it).
        if (linked != null && tag(linked) != null && !no.equals(tag(linked))) {
            linked = null;
        }
        OutlookItem keep = linked != null ? linked : tagged.isEmpty() ? null : tagged.get(0);
        for (OutlookItem copy : tagged) {
            if (copy != keep) {
                // Two Outlook contacts tagged with one number: the system wrote one twice (S12); remove the extra.
                claimed.add(copy.id());
                actions.add(new SyncAction.Delete(no, copy.id(), "duplicate of Outlook contact " + keep.id()));
            }
        }
        LinkOrigin origin = link != null ? link.origin() : keep != null && keep.linkOrigin() != null
                ? keep.linkOrigin() : LinkOrigin.BC;
        if (keep != null) {
            claimed.add(keep.id());
        }
        ContactSnapshot contact = in.bc().get(no);
        if (contact != null && in.inTarget().test(contact)) {
            OutlookContact desired = FieldMapping.toOutlook(contact);
            if (keep != null) {
                if (link == null || !keep.id().equals(link.outlookId())) {
                    actions.add(new SyncAction.Adopt(no, keep.id(), origin));
                }
                boolean untagged = !no.equals(tag(keep)) || keep.linkOrigin() != originTag(origin);
                if (untagged || !OutlookComparison.same(keep.contact(), desired)) {
                    actions.add(new SyncAction.Update(no, keep.id(), desired, origin));
                }
            } else if (!link.pending()) {
                // S7, unless a typed contact with the same e-mail is still there: that one is linked instead (S8).
                if (!adoptTyped(contact, typedMatch, claimed, actions)) {
                    actions.add(new SyncAction.Create(no, desired, true));
                }
            }
            // A pending link: the create is on its way; planning it again would write the contact twice.
            return;
        }
        String reason = contact == null ? "deleted in Business Central" : "left the target set";
        if (keep == null) {
            if (link != null) {
                actions.add(new SyncAction.Unlink(no, reason));
            }
        } else if (contact == null || origin == LinkOrigin.BC) {
            actions.add(new SyncAction.Delete(no, keep.id(), reason));
        } else if (link != null) {
            // S10: a contact a person typed stays in Outlook; only the link goes.
            actions.add(new SyncAction.Unlink(no, reason + "; typed in Outlook, so left in place"));
            if (tag(keep) == null) {
                // Never tagged (the adoption was cut short): a typed contact like any other, free for S8
                claimed.remove(keep.id());
            }
        }
    }

    private static SyncAction importOrSkip(OutlookItem item, Map<String, List<String>> bcByEmail,
                                           Map<String, String> importing) {
        String name = FieldMapping.name(item.contact());
        String email = FieldMapping.primaryEmail(item.contact());
        if (name == null && email == null) {
            return new SyncAction.Skip(item.id(), "no name and no e-mail address");
        }
        if (name == null) {
            return new SyncAction.Skip(item.id(), "no name (display name or given name/surname)");
        }
        if (email == null) {
            return new SyncAction.Skip(item.id(), "no e-mail address");
        }
        List<String> sameEmail = bcByEmail.get(email);
        if (sameEmail != null) {
            return new SyncAction.Skip(item.id(), "duplicate: Business Central contact " + String.join(", ", sameEmail)
                    + " has the e-mail address " + email);
        }
        if (importing.containsKey(email)) {
            // Two typed contacts with one e-mail become one BC contact (S8); the other is linked to nothing.
            return new SyncAction.Skip(item.id(), "duplicate: Outlook contact " + importing.get(email)
                    + " with the e-mail address " + email + " is being imported");
        }
        if (email.length() > BC_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            return new SyncAction.Skip(item.id(), "e-mail address '" + email + "' is not one Business Central accepts");
        }
        FieldMapping.Imported imported = FieldMapping.toBc(item.contact());
        return new SyncAction.Import(item.id(), imported.fields(), imported.cuts());
    }

    private static Map<String, List<String>> emailIndex(Collection<ContactSnapshot> contacts) {
        Map<String, List<String>> index = new TreeMap<>();
        for (ContactSnapshot c : contacts) {
            for (String email : new String[] {lower(c.email()), lower(c.email2())}) {
                if (email != null) {
                    index.computeIfAbsent(email, e -> new ArrayList<>()).add(c.no());
                }
            }
        }
        index.values().forEach(nos -> nos.sort(Comparator.naturalOrder()));
        return index;
    }

    /** The {@code BcLinkOrigin} tag an Outlook contact of this origin carries: only adopted contacts are marked. */
    public static LinkOrigin originTag(LinkOrigin origin) {
        return origin == LinkOrigin.OUTLOOK ? LinkOrigin.OUTLOOK : null;
    }

    private static String tag(OutlookItem item) {
        return item.bcContactNo() == null || item.bcContactNo().isBlank() ? null : item.bcContactNo();
    }

    private static String lower(String email) {
        return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}

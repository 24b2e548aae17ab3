package com.contactsync.orchestrator.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contracts.events.ContactType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Model-based tests of the planner: random interleavings of BC edits, Outlook edits by a person, filter changes,
 * syncs cut short by crashes, lost gateway results, lost links and repeated runs; after every completed sync the
 * invariants of SYNC-SPEC hold (S1, S2, S8, S9, S10, S11, S12), and a second plan finds nothing to do.
 */
class SyncPlannerProperties {

    /** One thing that happens to the world between or during syncs. */
    sealed interface Step {
        void applyTo(SyncModel model);
    }

    record BcUpsert(String no, boolean person, String name, String email, String city, boolean blocked) implements Step {
        public void applyTo(SyncModel model) {
            model.bcUpsert(no, person ? ContactType.PERSON : ContactType.COMPANY, name, email, city, blocked);
        }
    }

    record BcDelete(String no) implements Step {
        public void applyTo(SyncModel model) {
            model.bc.remove(no);
        }
    }

    record PersonTypes(String name, String email) implements Step {
        public void applyTo(SyncModel model) {
            model.personTypes(name, email);
        }
    }

    /** Edits or deletes the n-th Outlook contact of the folder, whoever made it. */
    record PersonEdits(int n, String name, boolean delete) implements Step {
        public void applyTo(SyncModel model) {
            if (model.folder.isEmpty()) {
                return;
            }
            String id = new ArrayList<>(model.folder.keySet()).get(n % model.folder.size());
            if (delete) {
                model.personDeletes(id);
            } else {
                model.personEdits(id, name);
            }
        }
    }

    record ChangeFilter(Set<String> cities) implements Step {
        public void applyTo(SyncModel model) {
            model.cities = cities;
        }
    }

    /**
     * A sync that stops after {@code done} actions (a crash), possibly losing the gateway's results, and possibly
     * with every create written twice (a create retried after an unknown outcome without looking first).
     */
    record CrashedSync(int done, boolean resultsLost, boolean createsDoubled) implements Step {
        public void applyTo(SyncModel model) {
            List<SyncAction> plan = SyncPlanner.plan(model.input());
            List<SyncAction> applied = new ArrayList<>(plan.subList(0, Math.min(done, plan.size())));
            if (createsDoubled) {
                applied.addAll(applied.stream().filter(a -> a instanceof SyncAction.Create).toList());
            }
            model.apply(applied, !resultsLost);
        }
    }

    /** The orchestrator lost its database: links are rebuilt from the mailbox tags by the next sync. */
    record LinksLost() implements Step {
        public void applyTo(SyncModel model) {
            model.links.clear();
        }
    }

    /** A sync that completes; the invariants are checked after it. */
    record Sync() implements Step {
        public void applyTo(SyncModel model) {
            model.syncToConvergence();
            model.checkInvariants();
            assertThat(SyncPlanner.plan(model.input())).as("a re-run finds nothing to do")
                    .allMatch(a -> a instanceof SyncAction.Skip);
        }
    }

    @Property(tries = 1500)
    void invariantsHoldAfterEverySyncWhateverHappenedBefore(@ForAll("scenarios") List<Step> steps) {
        SyncModel model = new SyncModel();
        for (Step step : steps) {
            step.applyTo(model);
        }
        new Sync().applyTo(model);
    }

    /**
     * Found by the property: an adoption cut short (linked, never tagged), then the BC contact leaves the target set.
     * The typed contact, unlinked by S10, is the match of the other BC contact with its e-mail (S8), not a reason to
     * create a second Outlook contact with that e-mail.
     */
    @Example
    void S8_typedContactUnlinkedByS10IsAdoptedByAnotherContactWithItsEmail() {
        invariantsHoldAfterEverySyncWhateverHappenedBefore(List.of(
                new BcUpsert("C01", true, "X", "a@x.test", "Berlin", false),
                new BcUpsert("C02", true, "X", "a@x.test", "Berlin", false),
                new PersonTypes(null, "a@x.test"),
                new CrashedSync(1, false, true),
                new BcUpsert("C01", true, "X", null, "Berlin", false)));
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        // Small pools make collisions likely: shared e-mails, edits of the same contact, re-created numbers.
        Arbitrary<String> no = Arbitraries.of("C01", "C02", "C03", "C04", "C05", "C06");
        Arbitrary<String> email = Arbitraries.of("a@x.test", "A@X.test", "b@x.test", "c@x.test", "d@x.test")
                .injectNull(0.15);
        Arbitrary<String> name = Arbitraries.of("Ann", "Bob", "Cy", "Di").injectNull(0.1);
        Arbitrary<String> city = Arbitraries.of("Berlin", "Paris", "Rome");
        Arbitrary<Step> bcUpsert = Combinators.combine(no, Arbitraries.of(true, true, true, false), name.map(n -> n == null ? "X" : n),
                email, city, Arbitraries.of(false, false, false, true)).as(BcUpsert::new);
        Arbitrary<Step> bcDelete = no.map(BcDelete::new);
        Arbitrary<Step> personTypes = Combinators.combine(name, email).as(PersonTypes::new);
        Arbitrary<Step> personEdits = Combinators.combine(Arbitraries.integers().between(0, 20), name,
                Arbitraries.of(false, false, true)).as(PersonEdits::new);
        Arbitrary<Step> changeFilter = Arbitraries.subsetOf("Berlin", "Paris", "Rome").map(ChangeFilter::new);
        Arbitrary<Step> crashed = Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(CrashedSync::new);
        Arbitrary<Step> sync = Arbitraries.just(new Sync());
        Arbitrary<Step> linksLost = Arbitraries.just(new LinksLost());
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(6, bcUpsert), Tuple.of(2, bcDelete),
                Tuple.of(3, personTypes), Tuple.of(3, personEdits),
                Tuple.of(1, changeFilter), Tuple.of(2, crashed),
                Tuple.of(3, sync), Tuple.of(1, linksLost));
        return step.list().ofMinSize(1).ofMaxSize(30);
    }
}

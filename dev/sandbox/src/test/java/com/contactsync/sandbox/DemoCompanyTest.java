package com.contactsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoCompanyTest {

    private static final DemoCompany.User ANNA = DemoCompany.USERS.get(0);
    private static final DemoCompany.User BEN = DemoCompany.USERS.get(1);

    @ParameterizedTest
    @ValueSource(ints = {10, 40, 500})
    void hasTheContactsTheDemoNeedsAtAnySize(int size) {
        DemoCompany company = new DemoCompany(size);

        assertThat(company.size()).isEqualTo(size);
        assertThat(company.companies()).isNotEmpty();
        // Anna's typed duplicate takes the address of a privacy-blocked person: there must be one
        assertThat(company.persons()).anyMatch(p -> p.privacyBlocked() && p.email() != null);
        assertThat(company.persons()).filteredOn(p -> company.inTargetSet(ANNA, p)).isNotEmpty();
    }

    @Test
    void theFullCompanyHasEveryCaseAndBensFilterSelectsSomeOfAnnasContacts() {
        DemoCompany company = new DemoCompany(Options.DEFAULT_DEMO_SIZE);

        assertThat(company.withoutEmail()).isPositive();
        assertThat(company.sharingEmails()).isPositive();
        long anna = company.persons().stream().filter(p -> company.inTargetSet(ANNA, p)).count();
        long ben = company.persons().stream().filter(p -> company.inTargetSet(BEN, p)).count();
        assertThat(ben).isPositive().isLessThan(anna);
        assertThat(company.persons()).filteredOn(p -> company.inTargetSet(BEN, p))
                .allMatch(p -> company.inTargetSet(ANNA, p))
                .allMatch(p -> p.fields().get("city").equals("Berlin") || p.fields().get("city").equals("München"));
        assertThat(company.exclusions(BEN).outsideFilter()).isEqualTo(
                company.persons().stream().filter(p -> p.email() != null && !p.privacyBlocked()).count() - ben);
    }
}

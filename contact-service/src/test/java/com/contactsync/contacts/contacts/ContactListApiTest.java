package com.contactsync.contacts.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.contacts.RunningContactService;
import com.contactsync.contracts.cloudevents.EventJson;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.filter.ContactFilter;
import com.contactsync.filter.FilterException;
import com.contactsync.testinfra.RealInfrastructure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET /api/v1/contacts}: paging in order of number, and Business Central filters compiled to SQL. */
@RealInfrastructure
class ContactListApiTest {

    @RegisterExtension
    static final RunningContactService service = RunningContactService.perTestClass();

    @BeforeAll
    static void createContacts() {
        put("L01", Map.of("type", "COMPANY", "name", "Müller Maschinenbau GmbH", "city", "München",
                "salespersonCode", "JR"));
        put("L02", Map.of("type", "COMPANY", "name", "Alpha AG", "city", "Berlin", "salespersonCode", "AB"));
        put("L03", Map.of("type", "PERSON", "name", "Anna Schmidt", "companyNo", "L01",
                "email", "anna@mueller.example.com", "city", "München", "salespersonCode", "JR"));
        put("L04", Map.of("type", "PERSON", "name", "Ben Becker", "companyNo", "L01", "city", "Berlin"));
        put("L05", Map.of("type", "PERSON", "name", "Clara Wagner", "companyNo", "L02",
                "email", "clara@alpha.example.com", "city", "Hamburg", "privacyBlocked", true));
        put("L06", Map.of("type", "PERSON", "name", "O'Brien; DROP TABLE contact", "city", "Bern",
                "email", "obrien@example.com"));
        put("L07", Map.of("type", "COMPANY", "name", "schmidt gmbh", "city", "Bonn"));
        for (int i = 8; i <= 12; i++) {
            put(String.format("L%02d", i), Map.of("type", "PERSON", "name", "Filler " + i, "city", "Köln"));
        }
    }


    @AfterEach
    void everyContactIsStillThere() {
        assertThat(page("", 0, 200).totalItems()).isEqualTo(12);
    }

    @Test
    void contactsComeAPageAtATimeInOrderOfNumberWithTotals() {
        ContactPage first = page("", 0, 5);
        ContactPage last = page("", 2, 5);

        assertThat(first.items()).extracting(ContactSnapshot::no).containsExactly("L01", "L02", "L03", "L04", "L05");
        assertThat(first.page()).isZero();
        assertThat(first.size()).isEqualTo(5);
        assertThat(first.totalItems()).isEqualTo(12);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(last.items()).extracting(ContactSnapshot::no).containsExactly("L11", "L12");
        assertThat(page("", 3, 5).items()).isEmpty();
    }

    @Test
    void withoutSizeAPageHoldsTheDefaultFifty() {
        assertThat(api().get().uri("/api/v1/contacts").exchange()
                .expectStatus().isOk()
                .expectBody(ContactPage.class).returnResult().getResponseBody().size()).isEqualTo(50);
    }

    @ParameterizedTest
    @CsvSource({"size, 0, 0", "size, 0, 201", "page, -1, 10"})
    void pageAndSizeOutOfRangeAreBadRequests(String field, int page, int size) {
        api().get()
                .uri(b -> b.path("/api/v1/contacts").queryParam("page", page).queryParam("size", size).build())
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("{\"city\":\"Berlin|München\"}", "L01 L02 L03 L04"),
                Arguments.of("{\"name\":\"@*gmbh*\"}", "L01 L07"),
                Arguments.of("{\"no\":\"L03..L05\"}", "L03 L04 L05"),
                Arguments.of("{\"type\":\"PERSON\",\"email\":\"<>''\"}", "L03 L05 L06"),
                Arguments.of("{\"privacyBlocked\":\"Yes\"}", "L05"),
                Arguments.of("{\"salespersonCode\":\"''\",\"type\":\"COMPANY\"}", "L07"),
                Arguments.of("{\"companyNo\":\"l01\"}", "L03 L04"),
                Arguments.of("{\"city\":\"B?r*\"}", "L02 L04 L06"),
                Arguments.of("{\"name\":\"'O''Brien; DROP TABLE contact'\"}", "L06"));
    }

    @ParameterizedTest(name = "{0} selects {1}")
    @MethodSource("filters")
    void filterSelectsWhatItsExpressionsMean(String filter, String expected) {
        assertThat(page(filter, 0, 200).items()).extracting(ContactSnapshot::no)
                .containsExactly(expected.split(" "));
    }

    @Test
    void totalsCountTheFilteredContacts() {
        ContactPage filtered = page("{\"city\":\"Köln\"}", 1, 2);

        assertThat(filtered.items()).extracting(ContactSnapshot::no).containsExactly("L10", "L11");
        assertThat(filtered.totalItems()).isEqualTo(5);
        assertThat(filtered.totalPages()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "type", "name", "firstName", "middleName", "surname", "initials", "companyNo",
            "companyName", "jobTitle", "email", "email2", "phoneNo", "mobilePhoneNo", "faxNo", "address", "address2",
            "city", "postCode", "county", "countryRegionCode", "homePage", "salespersonCode", "territoryCode",
            "privacyBlocked"})
    void everyContactFieldCanBeFiltered(String field) {
        String expression = switch (field) {
            case "type" -> "PERSON|COMPANY";
            case "privacyBlocked" -> "No|Yes";
            default -> "*";
        };

        assertThat(page(EventJson.mapper().writeValueAsString(Map.of(field, expression)), 0, 200).totalItems())
                .isEqualTo(12);
    }

    @Test
    void malformedExpressionIsBadRequestNamingTheFieldAndPosition() {
        badFilter("{\"city\":\"Berlin|'Bonn\"}")
                .jsonPath("$.title").isEqualTo("Invalid filter")
                .jsonPath("$.errors[0].field").isEqualTo("filter.city")
                .jsonPath("$.errors[0].rule").isEqualTo("filter")
                .jsonPath("$.position").isEqualTo(7)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("city: "));
    }

    @Test
    void unknownFieldIsBadRequestNamingIt() {
        badFilter("{\"ciity\":\"Berlin\"}")
                .jsonPath("$.errors[0].field").isEqualTo("filter.ciity")
                .jsonPath("$.position").doesNotExist();
    }

    @Test
    void filterThatIsNotAJsonObjectIsBadRequest() {
        badFilter("city=Berlin").jsonPath("$.errors[0].field").isEqualTo("filter");
        badFilter("[\"Berlin\"]").jsonPath("$.errors[0].field").isEqualTo("filter");
    }

    /**
     * Attacks in the values and in the field names: each is refused (400) or selects exactly what the same filter
     * selects in memory, and the table is untouched ({@link #everyContactIsStillThere}).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "'; DROP TABLE contact; --",
            "x' OR '1'='1",
            "Berlin') OR 1=1 --",
            "'O''Brien; DROP TABLE contact'",
            "*'; DELETE FROM contact; --*",
            "'*''; DELETE FROM contact; --*'",
            "%' OR name LIKE '%",
            "\\'; DROP TABLE contact; --",
            "$$; DROP TABLE contact; $$",
            "'' OR 1=1 --",
            "Berlin; DELETE FROM contact",
            "';COMMIT;DROP TABLE contact;--'"})
    void sqlInjectionInAFilterIsRefusedOrHarmless(String attack) {
        List<ContactSnapshot> all = page("", 0, 200).items();
        for (String field : List.of("name", "city", "companyNo", "type", "privacyBlocked")) {
            Map<String, String> filter = Map.of(field, attack);
            ContactFilter inMemory;
            try {
                inMemory = ContactFilter.parse(filter);
            } catch (FilterException refused) {
                badFilter(EventJson.mapper().writeValueAsString(filter));
                continue;
            }
            assertThat(page(EventJson.mapper().writeValueAsString(filter), 0, 200).items()).as(field)
                    .isEqualTo(all.stream().filter(inMemory.predicate()).toList());
        }
        Map<String, String> attackAsField = new HashMap<>();
        attackAsField.put("city = city OR 1=1; " + attack, "x");
        badFilter(EventJson.mapper().writeValueAsString(attackAsField));
    }

    private static ContactPage page(String filter, int page, int size) {
        return api().get().uri(b -> b.path("/api/v1/contacts").queryParam("filter", "{filter}")
                        .queryParam("page", page).queryParam("size", size).build(filter))
                .exchange()
                .expectStatus().isOk()
                .expectBody(ContactPage.class).returnResult().getResponseBody();
    }

    private static WebTestClient.BodyContentSpec badFilter(String filter) {
        return api().get().uri(b -> b.path("/api/v1/contacts").queryParam("filter", "{filter}").build(filter))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
    }

    private static void put(String no, Map<String, Object> body) {
        api().put().uri("/api/v1/contacts/{no}", no).bodyValue(body).exchange().expectStatus().isCreated();
    }

    private static WebTestClient api() {
        return service.api();
    }
}

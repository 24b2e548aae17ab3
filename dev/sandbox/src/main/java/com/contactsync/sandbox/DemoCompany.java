package com.contactsync.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The demo company's BC contacts, the same on every run (a fixed seed): companies and their people in ten cities
 * with four salespeople, with the cases a real contact list has — people sharing an office address, people without
 * an e-mail, privacy-blocked ones — and the users who sync them, each with the target set SYNC-SPEC defines
 * computed here from the data, independently of the orchestrator, so that the demo can check its result.
 */
final class DemoCompany {

    /** Companies come first: their people name them by {@code companyNo}. */
    record Company(String key, Map<String, Object> fields) {
    }

    record Person(Map<String, Object> fields, String companyKey) {

        String email() {
            return (String) fields.get("email");
        }

        boolean privacyBlocked() {
            return Boolean.TRUE.equals(fields.get("privacyBlocked"));
        }
    }

    /**
     * A demo user. {@code filter} is what the setup sends (BC filter syntax); {@code matches} is the same selection
     * written out in Java from docs/filters.md, so a wrong filter implementation shows up as a demo that does not
     * converge.
     */
    record User(String id, String displayName, String mailbox, Map<String, String> filter,
                Predicate<Map<String, Object>> matches) {
    }

    static final List<User> USERS = List.of(
            new User("anna", "Anna Schmidt", "anna@sandbox.example", Map.of(), c -> true),
            new User("ben", "Ben Weber", "ben@sandbox.example",
                    // '@' ignores case; a Code field compares upper case
                    orderedMap("city", "@berlin|@münchen", "salespersonCode", "JR|MK"),
                    c -> isOneOf(upper(c.get("city")), "BERLIN", "MÜNCHEN")
                            && isOneOf(c.get("salespersonCode"), "JR", "MK")),
            // No Microsoft 365 e-mail: the product's prerequisite, refused with 422 when the setup is made
            new User("carl", "Carl Fischer", null, Map.of(), c -> false));

    private static final String[][] CITIES = {
            {"Berlin", "10115", "DE"}, {"München", "80331", "DE"}, {"Hamburg", "20095", "DE"},
            {"Köln", "50667", "DE"}, {"Frankfurt am Main", "60311", "DE"}, {"Stuttgart", "70173", "DE"},
            {"Wien", "1010", "AT"}, {"Zürich", "8001", "CH"}, {"Amsterdam", "1012 AB", "NL"},
            {"London", "EC1A 1BB", "GB"}};
    private static final String[] SALESPEOPLE = {"JR", "MK", "AH", "PS", null};
    private static final String[] COMPANY_WORDS = {"Nordwind", "Alpen", "Rhein", "Elbe", "Donau", "Hanse",
            "Isar", "Spree", "Main", "Neckar", "Brenner", "Sonnen", "Falken", "Eichen", "Linden"};
    private static final String[] COMPANY_KINDS = {"Logistik GmbH", "Maschinenbau AG", "Software GmbH",
            "Handel KG", "Bau GmbH", "Consulting GmbH", "Medizintechnik AG"};
    private static final String[] FIRST_NAMES = {"Anna", "Lukas", "Sophie", "Jonas", "Marie", "Felix", "Lena",
            "Paul", "Clara", "Leon", "Emma", "Noah", "Hannah", "Elias", "Mia", "Jan", "Lea", "Tim", "Nina", "Max",
            "Jörg", "Zoë", "Björn", "Renée"};
    private static final String[] SURNAMES = {"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
            "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
            "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Werner", "Krause"};
    private static final String[] JOB_TITLES = {"Purchasing", "Managing Director", "Sales Manager", "Engineer",
            "Office Manager", "Controller", "Head of IT", "Project Lead"};

    /** Every n-th person has no e-mail, every m-th is privacy-blocked, every k-th writes from the shared office box. */
    private static final int NO_EMAIL_EVERY = 13;
    private static final int BLOCKED_EVERY = 19;
    private static final int SHARED_EMAIL_EVERY = 11;

    private final List<Company> companies = new ArrayList<>();
    private final List<Person> persons = new ArrayList<>();

    /** {@code size} contacts: about one in ten a company, the rest people. */
    DemoCompany(int size) {
        Random random = new Random(20250314);
        int companyCount = Math.max(1, size / 10);
        for (int i = 0; i < companyCount; i++) {
            String[] city = CITIES[i % CITIES.length];
            String word = COMPANY_WORDS[i % COMPANY_WORDS.length];
            String kind = COMPANY_KINDS[(i / COMPANY_WORDS.length + i) % COMPANY_KINDS.length];
            String domain = ascii(word) + (i / COMPANY_WORDS.length == 0 ? "" : Integer.toString(i / COMPANY_WORDS.length))
                    + ".example";
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("type", "COMPANY");
            fields.put("name", word + " " + kind + (i < COMPANY_WORDS.length ? "" : " " + city[0]));
            fields.put("email", "office@" + domain);
            fields.put("homePage", "https://www." + domain);
            fields.put("city", city[0]);
            fields.put("postCode", city[1]);
            fields.put("countryRegionCode", city[2]);
            fields.put("salespersonCode", SALESPEOPLE[i % SALESPEOPLE.length]);
            companies.add(new Company(domain, fields));
        }
        for (int i = 1; i <= size - companyCount; i++) {
            Company company = companies.get(random.nextInt(companies.size()));
            String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
            String last = SURNAMES[random.nextInt(SURNAMES.length)];
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("type", "PERSON");
            fields.put("firstName", first);
            fields.put("surname", last);
            fields.put("jobTitle", JOB_TITLES[random.nextInt(JOB_TITLES.length)]);
            if (i % NO_EMAIL_EVERY != 0) {
                fields.put("email", i % SHARED_EMAIL_EVERY == 0
                        ? company.fields().get("email")
                        : ascii(first) + "." + ascii(last) + "." + i + "@" + company.key());
            }
            fields.put("phoneNo", String.format("+49 30 %07d", 1000000 + i));
            // People mostly work where their company is, and sometimes elsewhere
            String[] city = random.nextInt(4) == 0 ? CITIES[random.nextInt(CITIES.length)]
                    : cityOf(company);
            fields.put("city", city[0]);
            fields.put("postCode", city[1]);
            fields.put("countryRegionCode", city[2]);
            fields.put("salespersonCode", SALESPEOPLE[random.nextInt(SALESPEOPLE.length)]);
            // The third person is blocked in a company of any size: the demo's typed duplicate needs one
            fields.put("privacyBlocked", i % BLOCKED_EVERY == 3);
            persons.add(new Person(fields, company.key()));
        }
    }

    List<Company> companies() {
        return companies;
    }

    List<Person> persons() {
        return persons;
    }

    int size() {
        return companies.size() + persons.size();
    }

    /** Why contacts are not in a user's target set (SYNC-SPEC, "Terms"), counted for the demo's report. */
    record Exclusions(int companies, int withoutEmail, int privacyBlocked, int outsideFilter) {
    }

    /** Persons with an e-mail, not privacy-blocked, matching the user's filter: T(U) of SYNC-SPEC. */
    boolean inTargetSet(User user, Person person) {
        return person.email() != null && !person.privacyBlocked() && user.matches().test(person.fields());
    }

    Exclusions exclusions(User user) {
        int withoutEmail = 0, blocked = 0, outside = 0;
        for (Person p : persons) {
            if (p.email() == null) {
                withoutEmail++;
            } else if (p.privacyBlocked()) {
                blocked++;
            } else if (!user.matches().test(p.fields())) {
                outside++;
            }
        }
        return new Exclusions(companies.size(), withoutEmail, blocked, outside);
    }

    /** How many people write from an address someone else uses too: separate Outlook contacts all the same (S8). */
    int sharingEmails() {
        Map<String, Integer> uses = new LinkedHashMap<>();
        persons.stream().filter(p -> p.email() != null).forEach(p -> uses.merge(p.email(), 1, Integer::sum));
        return (int) persons.stream().filter(p -> p.email() != null && uses.get(p.email()) > 1).count();
    }

    long privacyBlocked() {
        return persons.stream().filter(Person::privacyBlocked).count();
    }

    long withoutEmail() {
        return persons.stream().filter(p -> p.email() == null).count();
    }

    private static String[] cityOf(Company company) {
        for (String[] city : CITIES) {
            if (city[0].equals(company.fields().get("city"))) {
                return city;
            }
        }
        throw new IllegalStateException("no city " + company.fields().get("city"));
    }

    private static boolean isOneOf(Object value, String... values) {
        return value != null && Set.of(values).contains(value);
    }

    private static String upper(Object value) {
        return value == null ? null : value.toString().toUpperCase(Locale.ROOT);
    }

    /** E-mail local parts are ASCII: the contract checks addresses against RFC 5321. */
    private static String ascii(String name) {
        return name.toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss").replace("ë", "e").replace("é", "e").replace(" ", "");
    }

    private static Map<String, String> orderedMap(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}

package com.contactsync.testinfra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Damaged copies of a valid CloudEvent record, for fuzzing a Kafka intake: broken, missing, duplicated or odd
 * headers, random bytes, cut or mutated JSON, data that breaks its schema, huge strings. A property test draws
 * {@link Damage}s (a {@link Kind} and two numbers that pick where and what) and applies them to records it knows
 * to be valid; every damaged record carries {@link #FUZZ_ID} so that its dead letter can be found whatever else was
 * broken. Plain Java, so that any test framework can draw the numbers.
 */
public final class PoisonRecords {

    /** Header naming the damaged record; dead letters keep the original headers. */
    public static final String FUZZ_ID = "x-fuzz-id";

    /** The CloudEvents headers a record cannot do without. */
    private static final List<String> REQUIRED = List.of("ce_id", "ce_source", "ce_type", "ce_specversion", "ce_time");
    private static final List<String[]> WRONG_HEADERS = List.of(
            new String[] {"ce_specversion", "0.3"}, new String[] {"ce_specversion", ""},
            new String[] {"ce_time", "yesterday"}, new String[] {"ce_time", "2026-13-45T99:99:99Z"},
            new String[] {"content-type", "text/plain"}, new String[] {"content-type", "application/xml"},
            new String[] {"ce_type", "contactsync.contact.merged.v1"}, new String[] {"ce_type", ""},
            new String[] {"ce_type", "'; DROP TABLE inbox_event; --"}, new String[] {"ce_id", " "},
            new String[] {"ce_source", "\t"});
    /** The headers whose values are checked, not only required: other bytes there are always wrong. */
    private static final List<String> CHECKED = List.of("ce_type", "ce_specversion", "ce_time");
    /** Values that break a member of a schema whatever its type: other JSON types and absurd ones. */
    private static final List<String> WRONG_VALUES = List.of("12345", "-1.5e308", "true", "[]", "{}", "[null]",
            "{\"$ref\":\"#\"}", "\"\\u0000\"", "\"\\ud800\"", "\"\u202e\u0301\"", "\"'; DROP TABLE contact; --\"");
    /** A JSON string member, its value in group 2. */
    private static final Pattern STRING_MEMBER = Pattern.compile("(\"[^\"\\\\]+\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\")");
    /** A number, boolean or null member, its value in group 2. */
    private static final Pattern SCALAR_MEMBER = Pattern.compile("(\"[^\"\\\\]+\"\\s*:\\s*)(-?\\d[\\d.eE+-]*|true|false|null)");
    private static final String JSON_PIECES = "{}[]\":,\\ 0aé\u0000\n";
    /** Big enough to pass no sane length limit, small enough for Kafka's default 1 MB records. */
    private static final int HUGE = 300_000;

    private PoisonRecords() {
    }

    /** How a record is damaged. {@link #breaksTheContract()} says whether no consumer may take the result. */
    public enum Kind {
        /** Random bytes for data. */
        RANDOM_BYTES(true),
        /** No data at all. */
        EMPTY_DATA(true),
        /** The JSON cut short. */
        TRUNCATED_JSON(true),
        /** JSON that is not an object: an array, a string, a number, null. */
        NOT_AN_OBJECT(true),
        /** One required CloudEvents header left out. */
        MISSING_HEADER(true),
        /** A CloudEvents header with a wrong value. */
        WRONG_HEADER(true),
        /** A checked CloudEvents header (type, specversion, time) whose value is not UTF-8. */
        BINARY_HEADER(true),
        /** No headers at all. */
        NO_HEADERS(true),
        /** Characters of the JSON replaced, inserted or deleted: mostly broken, sometimes still valid. */
        MUTATED_JSON(false),
        /** A member's value replaced by one of another type; valid where the schema allows that type. */
        WRONG_TYPE_MEMBER(false),
        /** A string member's value replaced by a huge string; valid where the schema sets no length. */
        HUGE_STRING_MEMBER(false),
        /** A second, different value of a header: whichever the consumer reads may be valid. */
        DUPLICATE_HEADER(false),
        /** An empty object: valid only where the schema requires nothing. */
        EMPTY_OBJECT(false),
        /** A member the schema does not know; valid where the schema allows unknown members. */
        UNKNOWN_MEMBER(false);

        private final boolean breaksTheContract;

        Kind(boolean breaksTheContract) {
            this.breaksTheContract = breaksTheContract;
        }

        public boolean breaksTheContract() {
            return breaksTheContract;
        }
    }

    /** A damage: its kind, and two non-negative numbers that pick where and how. */
    public record Damage(Kind kind, int where, int how) {

        public Damage {
            if (where < 0 || how < 0) {
                throw new IllegalArgumentException("where and how must not be negative");
            }
        }
    }

    /**
     * A damaged copy of {@code valid} (same topic, partition and key), marked with {@link #FUZZ_ID} {@code fuzzId}.
     * Its value is JSON bytes and its headers are the CloudEvents headers.
     */
    public static ProducerRecord<String, byte[]> damage(ProducerRecord<String, byte[]> valid, Damage damage,
                                                       String fuzzId) {
        List<Header> headers = new ArrayList<>(Arrays.asList(valid.headers().toArray()));
        String json = new String(valid.value(), StandardCharsets.UTF_8);
        byte[] value = valid.value();
        int where = damage.where();
        int how = damage.how();
        switch (damage.kind()) {
            case RANDOM_BYTES -> {
                value = new byte[1 + how % 2_000];
                new Random(where).nextBytes(value);
            }
            case EMPTY_DATA -> value = new byte[0];
            case TRUNCATED_JSON -> value = utf8(json.substring(0, where % json.length()));
            case NOT_AN_OBJECT -> value = utf8(List.of("[" + json + "]", "\"" + json.replace("\"", "'") + "\"", "42",
                    "null", "true", " ").get(how % 6));
            case MISSING_HEADER -> remove(headers, REQUIRED.get(how % REQUIRED.size()));
            case WRONG_HEADER -> {
                String[] wrong = WRONG_HEADERS.get(how % WRONG_HEADERS.size());
                remove(headers, wrong[0]);
                headers.add(new RecordHeader(wrong[0], utf8(wrong[1])));
            }
            case BINARY_HEADER -> {
                String name = CHECKED.get(how % CHECKED.size());
                remove(headers, name);
                headers.add(new RecordHeader(name, new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3}));
            }
            case NO_HEADERS -> headers.clear();
            case MUTATED_JSON -> value = utf8(mutate(json, where, how));
            case WRONG_TYPE_MEMBER -> value = utf8(replaceMember(json, where,
                    WRONG_VALUES.get(how % WRONG_VALUES.size())));
            case HUGE_STRING_MEMBER -> value = utf8(replaceStringMember(json, where,
                    "\"" + "x\u00e9\ud83d\ude00".repeat(HUGE / 4 + how % 7) + "\""));
            case DUPLICATE_HEADER -> {
                Header original = headers.get(where % headers.size());
                String[] wrong = WRONG_HEADERS.get(how % WRONG_HEADERS.size());
                // Before or after the original: consumers that read the first or the last value both meet it.
                headers.add(how % 2 == 0 ? headers.size() : 0, new RecordHeader(original.key(), utf8(wrong[1])));
            }
            case EMPTY_OBJECT -> value = utf8("{}");
            case UNKNOWN_MEMBER -> value = utf8(json.replaceFirst("\\{", "{\"fuzz" + how + "\":"
                    + WRONG_VALUES.get(where % WRONG_VALUES.size()).replace("\\", "\\\\").replace("$", "\\$") + ","));
        }
        headers.add(new RecordHeader(FUZZ_ID, utf8(fuzzId)));
        return new ProducerRecord<>(valid.topic(), valid.partition(), valid.key(), value, new RecordHeaders(headers));
    }

    /** Up to eight edits of single characters: replaced by, or inserted from, JSON's own, or deleted. */
    private static String mutate(String json, int where, int how) {
        Random random = new Random(((long) where << 32) ^ how);
        StringBuilder text = new StringBuilder(json);
        for (int edits = 1 + how % 8; edits > 0 && !text.isEmpty(); edits--) {
            int at = random.nextInt(text.length());
            char piece = JSON_PIECES.charAt(random.nextInt(JSON_PIECES.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(at, piece);
                case 1 -> text.insert(at, piece);
                default -> text.deleteCharAt(at);
            }
        }
        return text.toString();
    }

    private static String replaceMember(String json, int which, String value) {
        return replaceNth(SCALAR_MEMBER.matcher(json).find() && which % 2 == 0 ? SCALAR_MEMBER : STRING_MEMBER,
                json, which / 2, value);
    }

    private static String replaceStringMember(String json, int which, String value) {
        return replaceNth(STRING_MEMBER, json, which, value);
    }

    /** {@code json} with the value of the n-th (modulo their number) member the pattern finds replaced. */
    private static String replaceNth(Pattern member, String json, int n, String value) {
        List<int[]> values = new ArrayList<>();
        Matcher matcher = member.matcher(json);
        while (matcher.find()) {
            values.add(new int[] {matcher.start(2), matcher.end(2)});
        }
        if (values.isEmpty()) {
            return value;
        }
        int[] chosen = values.get(n % values.size());
        return json.substring(0, chosen[0]) + value + json.substring(chosen[1]);
    }

    private static void remove(List<Header> headers, String name) {
        headers.removeIf(h -> h.key().equals(name));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

package com.contactsync.filter;

/** The two string operations both sides of a filter must agree on, defined once. */
final class Text {

    private Text() {
    }

    /**
     * Upper case one code point at a time (Unicode's simple mapping), as PostgreSQL's {@code upper()} does under a
     * UTF-8 locale: {@code ß} stays {@code ß}, where {@link String#toUpperCase} would make it {@code SS}.
     */
    static String upperCase(String value) {
        StringBuilder upper = new StringBuilder(value.length());
        value.codePoints().forEach(c -> upper.appendCodePoint(Character.toUpperCase(c)));
        return upper.toString();
    }

    /**
     * Order by code point, as PostgreSQL's {@code "C"} collation orders UTF-8 text. {@link String#compareTo} compares
     * UTF-16 units and would put U+FFFD after U+1F600.
     */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}

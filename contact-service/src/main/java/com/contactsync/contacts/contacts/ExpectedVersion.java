package com.contactsync.contacts.contacts;

import com.contactsync.contracts.events.ContactSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.http.ETag;

/**
 * What a writer believes the stored version of a contact is: {@code If-Match} over REST, {@code expectedVersion}
 * over Kafka. Checked under the contact's row lock, so no other write can slip in between check and write.
 */
public final class ExpectedVersion {

    /** No expectation: the write applies to whatever is stored. */
    public static final ExpectedVersion ANY = new ExpectedVersion(stored -> true, "any version");

    private final Predicate<OptionalLong> admits;
    private final String expectation;

    private ExpectedVersion(Predicate<OptionalLong> admits, String expectation) {
        this.admits = admits;
        this.expectation = expectation;
    }

    /** A request's {@code expectedVersion}: null expects nothing, 0 expects that the contact does not exist yet. */
    public static ExpectedVersion exactly(Long version) {
        if (version == null) {
            return ANY;
        }
        return new ExpectedVersion(stored -> stored.orElse(0) == version, "version " + version);
    }

    /**
     * An {@code If-Match} header: {@code *} expects the contact to exist; otherwise its ETag must be one of the tags.
     * Comparison is strong (RFC 9110), so a weak tag never matches. No header expects nothing.
     */
    static ExpectedVersion ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return ANY;
        }
        List<ETag> tags = ETag.parse(header);
        String expectation = "If-Match " + header.strip();
        if (tags.stream().anyMatch(ETag::isWildcard)) {
            return new ExpectedVersion(OptionalLong::isPresent, expectation);
        }
        Set<String> versions = tags.stream().filter(tag -> !tag.weak()).map(ETag::tag).collect(Collectors.toSet());
        return new ExpectedVersion(stored -> stored.isPresent() && versions.contains(Long.toString(stored.getAsLong())),
                expectation);
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** @throws ContactRefusedException ({@code VERSION_MISMATCH}) when what is stored is not what was expected */
    public void check(String contact, Optional<ContactSnapshot> stored) {
        OptionalLong version = stored.map(c -> OptionalLong.of(c.version())).orElse(OptionalLong.empty());
        if (!admits.test(version)) {
            String state = version.isPresent() ? " is at version " + version.getAsLong() : " does not exist";
            throw ContactRefusedException.versionMismatch(contact + state + ", expected " + expectation);
        }
    }
}

package com.contactsync.contacts.contacts;

import com.contactsync.contracts.events.ContactFields;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.filter.ContactFilter;
import com.contactsync.filter.FilterException;
import com.contactsync.kit.web.ApiProblem;
import com.contactsync.kit.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Business Central contacts over REST. Bodies are taken as raw JSON so that they are checked by the contract's
 * schema (every field, rule and path reported) rather than by a lenient binder; see {@link ContactInput}.
 */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "contacts", description = "Business Central contacts; every write publishes an event. Errors are"
        + " application/problem+json; invalid fields are listed under errors[] with field, rule and message.")
class ContactController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    private static final String IF_MATCH = "The ETag of the version the write expects (\"3\"), or * for any;"
            + " 412 when the stored contact does not match";
    private static final String ETAG = "The contact's version, quoted";
    private static final ContactFilter NO_FILTER = ContactFilter.parse(Map.of());

    private final ContactService contacts;
    private final ContactsProperties properties;

    ContactController(ContactService contacts, ContactsProperties properties) {
        this.contacts = contacts;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a contact", description = "Without no, the next number CT000001, ... is assigned.")
    @ApiResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = HttpHeaders.ETAG, description = ETAG),
            @Header(name = HttpHeaders.LOCATION, description = "The new contact's URL")})
    @ApiResponse(responseCode = "409", description = "The number is taken")
    @ApiResponse(responseCode = "422", description = "Fields break a rule")
    Mono<ResponseEntity<ContactSnapshot>> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ContactFields.class)))
            @RequestBody byte[] body) {
        return blocking(() -> contacts.create(ContactInput.parse(body)))
                .map(ContactController::created);
    }

    @GetMapping("/{no}")
    @Operation(summary = "Read a contact")
    @ApiResponse(responseCode = "200", description = "The contact", headers = @Header(name = HttpHeaders.ETAG,
            description = ETAG))
    @ApiResponse(responseCode = "404", description = "No such contact")
    Mono<ResponseEntity<ContactSnapshot>> get(@PathVariable String no) {
        return blocking(() -> contacts.find(no).orElseThrow(() -> ContactRefusedException.notFound(no)))
                .map(ContactController::withETag);
    }

    @PutMapping(path = "/{no}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a contact's fields, or create it", description = "Every writable field is"
            + " replaced: one left out becomes empty. Read-only fields (version, lastModifiedAt) are ignored.")
    @ApiResponse(responseCode = "200", description = "Replaced", headers = @Header(name = HttpHeaders.ETAG,
            description = ETAG))
    @ApiResponse(responseCode = "201", description = "Created", headers = @Header(name = HttpHeaders.ETAG,
            description = ETAG))
    @ApiResponse(responseCode = "409", description = "A company with persons cannot become a person")
    @ApiResponse(responseCode = "412", description = "If-Match does not match the stored version")
    @ApiResponse(responseCode = "422", description = "Fields break a rule")
    Mono<ResponseEntity<ContactSnapshot>> put(
            @PathVariable String no,
            @Parameter(description = IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
            String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = ContactFields.class)))
            @RequestBody byte[] body) {
        ExpectedVersion expected = ExpectedVersion.ifMatch(ifMatch);
        return blocking(() -> contacts.put(no, ContactInput.parse(body, no), expected))
                .map(write -> write.created() ? created(write.contact()) : withETag(write.contact()));
    }

    @PatchMapping(path = "/{no}", consumes = MERGE_PATCH_JSON)
    @Operation(summary = "Change some fields of a contact (JSON merge patch, RFC 7396)", description = "Members"
            + " given replace the stored ones, null empties a field, members left out stay as they are.")
    @ApiResponse(responseCode = "200", description = "Changed", headers = @Header(name = HttpHeaders.ETAG,
            description = ETAG))
    @ApiResponse(responseCode = "404", description = "No such contact")
    @ApiResponse(responseCode = "412", description = "If-Match does not match the stored version")
    @ApiResponse(responseCode = "415", description = "Not application/merge-patch+json")
    @ApiResponse(responseCode = "422", description = "The patched contact breaks a rule")
    Mono<ResponseEntity<ContactSnapshot>> patch(
            @PathVariable String no,
            @Parameter(description = IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
            String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = ContactFields.class)))
            @RequestBody byte[] body) {
        ExpectedVersion expected = ExpectedVersion.ifMatch(ifMatch);
        return blocking(() -> contacts.patch(no, ContactInput.object(body), expected))
                .map(ContactController::withETag);
    }

    @DeleteMapping("/{no}")
    @Operation(summary = "Delete a contact",
            description = "Publishes contactsync.contact.deleted.v1 with the last version the contact had.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such contact")
    @ApiResponse(responseCode = "409", description = "A company that still has persons")
    @ApiResponse(responseCode = "412", description = "If-Match does not match the stored version")
    Mono<ResponseEntity<Void>> delete(
            @PathVariable String no,
            @Parameter(description = IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false)
            String ifMatch) {
        ExpectedVersion expected = ExpectedVersion.ifMatch(ifMatch);
        return blocking(() -> contacts.delete(no, expected).orElseThrow(() -> ContactRefusedException.notFound(no)))
                .map(deleted -> ResponseEntity.noContent().build());
    }

    @GetMapping
    @Operation(summary = "List contacts in order of no, a page at a time, optionally filtered")
    @ApiResponse(responseCode = "200", description = "A page of contacts")
    @ApiResponse(responseCode = "400", description = "A bad filter (errors[0].field names the filter's field,"
            + " position the place in its expression), or page or size out of range")
    Mono<ContactPage> list(
            @Parameter(description = "A JSON object of contact field to Business Central filter expression, all"
                    + " AND-ed, URL-encoded: {\"city\":\"Berlin|München\",\"name\":\"@*gmbh*\"}")
            @RequestParam(required = false) String filter,
            @Parameter(description = "The page, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Contacts per page, from 1 to contactsync.contacts.max-page-size (200);"
                    + " contactsync.contacts.default-page-size (50) when left out")
            @RequestParam(required = false) Integer size) {
        int pageSize = size == null ? properties.defaultPageSize() : size;
        if (page < 0) {
            throw ApiProblem.badRequest("page", "min", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > properties.maxPageSize()) {
            throw ApiProblem.badRequest("size", "range", "must be from 1 to " + properties.maxPageSize());
        }
        ContactFilter parsed = parseFilter(filter);
        return blocking(() -> contacts.list(parsed, page, pageSize));
    }

    private static ContactFilter parseFilter(String filter) {
        if (filter == null || filter.isBlank()) {
            return NO_FILTER;
        }
        try {
            return ContactFilter.parseJson(filter);
        } catch (FilterException e) {
            ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid filter", e.getMessage(), List.of(
                    new ApiProblem.FieldProblem(e.field() == null ? "filter" : "filter." + e.field(), "filter",
                            e.reason())));
            throw e.position() == FilterException.NO_POSITION ? problem : problem.with("position", e.position());
        }
    }

    private static ResponseEntity<ContactSnapshot> created(ContactSnapshot contact) {
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.no()))
                .eTag(ExpectedVersion.etag(contact.version()))
                .body(contact);
    }

    private static ResponseEntity<ContactSnapshot> withETag(ContactSnapshot contact) {
        return ResponseEntity.ok().eTag(ExpectedVersion.etag(contact.version())).body(contact);
    }

    /** JDBC off the event loop; refusals of the contact rules become problems with their status. */
    private static <T> Mono<T> blocking(Callable<T> work) {
        return Blocking.call(work).onErrorMap(ContactRefusedException.class, ContactRefusedException::toProblem);
    }
}

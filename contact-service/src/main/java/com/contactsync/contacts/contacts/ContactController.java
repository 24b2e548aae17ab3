package com.contactsync.contacts.contacts;

import com.contactsync.contracts.events.ContactFields;
import com.contactsync.contracts.events.ContactSnapshot;
import com.contactsync.kit.web.ApiProblem;
import com.contactsync.kit.web.Blocking;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/contacts")
class ContactController {

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    @PostMapping
    Mono<ResponseEntity<ContactSnapshot>> create(@RequestBody ContactFields fields) {
        return Blocking.call(() -> contacts.create(fields))
                .map(contact -> ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.no()))
                        .eTag(etag(contact))
                        .body(contact));
    }

    @GetMapping("/{no}")
    Mono<ResponseEntity<ContactSnapshot>> get(@PathVariable String no) {
        return Blocking.call(() -> contacts.find(no)
                .map(contact -> ResponseEntity.ok().eTag(etag(contact)).body(contact))
                .orElseThrow(() -> ApiProblem.notFound("No contact " + no)));
    }

    private static String etag(ContactSnapshot contact) {
        return "\"" + contact.version() + "\"";
    }
}

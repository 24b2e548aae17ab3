package com.contactsync.contacts.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

class ContactsPropertiesTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void defaultPageSizeAboveTheMaximumIsRefused() {
        ContactsProperties properties = new ContactsProperties("/contact-service", "events", "requests", 300, 200);

        assertThat(validator.validate(properties)).extracting(ConstraintViolation::getMessage)
                .containsExactly("default-page-size must not exceed max-page-size");
    }

    @Test
    void defaultsAreValid() {
        assertThat(validator.validate(new ContactsProperties("/contact-service", "events", "requests", 50, 200)))
                .isEmpty();
    }
}

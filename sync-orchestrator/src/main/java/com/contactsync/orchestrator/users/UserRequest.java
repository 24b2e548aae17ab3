package com.contactsync.orchestrator.users;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

record UserRequest(@Size(max = 200) String displayName, @Email @Size(max = 254) String m365Email) {
}

package com.contactsync.orchestrator.users;

import com.contactsync.kit.web.ApiProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserService {

    private final UserRepository users;

    UserService(UserRepository users) {
        this.users = users;
    }

    @Transactional
    public User saveUser(String userId, UserRequest request) {
        User user = new User(userId, request.displayName(), blankToNull(request.m365Email()));
        users.save(user);
        return user;
    }

    @Transactional(readOnly = true)
    public Optional<User> findUser(String userId) {
        return users.find(userId);
    }

    @Transactional
    public SyncSetup saveSetup(String userId, SetupRequest request) {
        User user = users.find(userId)
                .orElseThrow(() -> ApiProblem.notFound("No user " + userId + "; create it with PUT /api/v1/users/" + userId));
        if (user.m365Email() == null) {
            throw ApiProblem.invalid("m365Email", "required",
                    "User " + userId + " has no Microsoft 365 e-mail; set it on the user before setting up contact sync");
        }
        SyncSetup setup = new SyncSetup(
                request.enabled() == null || request.enabled(),
                request.folderName() == null ? SyncSetup.DEFAULT_FOLDER : request.folderName(),
                request.filter() == null ? Map.of() : request.filter(),
                request.realtime() == null || request.realtime(),
                null, null);
        users.saveSetup(userId, setup);
        return users.findSetup(userId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<SyncSetup> findSetup(String userId) {
        return users.findSetup(userId);
    }

    @Transactional(readOnly = true)
    public List<SyncTarget> realtimeTargets() {
        return users.realtimeTargets();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

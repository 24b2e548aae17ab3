package com.contactsync.orchestrator.users;

import com.contactsync.filter.ContactFilter;
import com.contactsync.filter.FilterException;
import com.contactsync.kit.web.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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
        if (request.filter() != null) {
            try {
                ContactFilter.parse(request.filter());
            } catch (FilterException e) {
                throw ApiProblem.badRequest("filter." + e.field(), "filter-syntax", e.getMessage())
                        .with("position", e.position());
            }
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

    /** Enabled users with a mailbox; only the realtime ones if asked. */
    @Transactional(readOnly = true)
    public List<SyncTarget> targets(boolean realtimeOnly) {
        return users.targets(realtimeOnly);
    }

    /** The user as a sync target; empty when the setup is missing or disabled or there is no mailbox (S14). */
    @Transactional(readOnly = true)
    public Optional<SyncTarget> target(String userId) {
        return users.target(userId);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void saveDeltaLink(String userId, String deltaLink) {
        users.saveDeltaLink(userId, deltaLink);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void folderNamed(String userId, String folderName) {
        users.folderNamed(userId, folderName);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void syncing(String userId) {
        users.setState(userId, "SYNCING");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void retryAt(String userId, Instant at) {
        users.retryAt(userId, at);
    }

    @Transactional
    public List<String> claimDueRetries(Instant now) {
        return users.claimDueRetries(now);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void runFinished(String userId, boolean succeeded, String error) {
        users.runFinished(userId, succeeded, error);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

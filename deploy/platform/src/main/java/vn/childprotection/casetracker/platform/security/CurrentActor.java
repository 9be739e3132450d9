package vn.childprotection.casetracker.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The actor of the current request: a configured user signed in with HTTP Basic ({@link UserAccount}) or a user
 * signed in with a bearer token ({@link ActorAuthenticationToken}, whose principal is the {@link Actor} itself).
 */
@Component
public class CurrentActor {

    public Optional<Actor> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof UserAccount account) {
            return Optional.of(account.actor());
        }
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }

    public Actor require() {
        return get().orElseThrow(() -> new IllegalStateException("No signed-in actor for this command"));
    }
}

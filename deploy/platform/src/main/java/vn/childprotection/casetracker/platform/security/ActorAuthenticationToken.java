package vn.childprotection.casetracker.platform.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A request signed in with a bearer token: its principal is the {@link Actor} the token's claims name, so
 * {@link CurrentActor} and everything that records who did what (the command dispatch interceptor) treat a token
 * user exactly like a configured user. The verified token is kept as the credentials, for code that needs another
 * claim; it is never written to a log ({@link #toString()} names the actor only).
 */
public final class ActorAuthenticationToken extends AbstractAuthenticationToken {

    private final Actor actor;
    private final Jwt jwt;

    public ActorAuthenticationToken(Actor actor, Jwt jwt, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.actor = actor;
        this.jwt = jwt;
        setAuthenticated(true);
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public Jwt getCredentials() {
        return jwt;
    }

    @Override
    public String getName() {
        return actor.username();
    }

    @Override
    public String toString() {
        return "ActorAuthenticationToken[" + actor.username() + ", " + actor.orgUnit() + ", " + actor.role() + "]";
    }
}

package vn.childprotection.casetracker.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user defined in configuration, with a hashed password.
 */
public record UserAccount(String username, String passwordHash, String orgUnit, Role role) implements UserDetails {

    public Actor actor() {
        return new Actor(username, orgUnit, role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "UserAccount[" + username + ", " + orgUnit + ", " + role + "]";
    }
}

package vn.childprotection.casetracker.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Users defined in configuration ({@code casetracker.security.users[n].*}); passwords are stored as hashes in
 * Spring Security's {@code {id}hash} form, e.g. {@code {bcrypt}$2a$10$...}.
 *
 * @param users          the configured users
 * @param demoUsers whether to add the documented demo users: unset means only on the embedded database; true
 *                  with an external database is refused
 */
@ConfigurationProperties("casetracker.security")
public record UsersProperties(List<User> users, Boolean demoUsers) {

    public UsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String username, String passwordHash, String orgUnit, Role role) {
    }
}

package vn.childprotection.casetracker.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import vn.childprotection.casetracker.platform.db.DatabaseServer;
import vn.childprotection.casetracker.platform.problem.ProblemWriter;

/**
 * HTTP Basic against users defined in configuration. The demo users of the local default (password equal to the
 * user name) are refused anywhere else: with an external database the service does not start with them.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService userDetailsService(UsersProperties properties, PasswordEncoder encoder,
                                                 DatabaseServer databaseServer) {
        Map<String, UserAccount> accounts = new LinkedHashMap<>();
        List<UserAccount> candidates = new ArrayList<>();
        properties.users().forEach(u -> candidates.add(new UserAccount(u.username(), u.passwordHash(), u.orgUnit(),
                u.role())));
        boolean demo = properties.demoUsers() == null ? databaseServer.isEmbedded() : properties.demoUsers();
        if (demo) {
            if (!databaseServer.isEmbedded()) {
                throw new IllegalStateException("casetracker.security.demo-users is only allowed on the local "
                        + "default (embedded PostgreSQL); define real users for this deployment");
            }
            candidates.addAll(DemoUsers.accounts(encoder));
        }
        for (UserAccount account : candidates) {
            if (!databaseServer.isEmbedded() && encoder.matches(account.username(), account.passwordHash())) {
                throw new IllegalStateException("User '" + account.username() + "' has a password equal to its "
                        + "user name; refused outside the local default");
            }
            accounts.put(account.username(), account);
        }
        return username -> {
            UserAccount account = accounts.get(username);
            if (account == null) {
                throw new UsernameNotFoundException("unknown user");
            }
            return account;
        };
    }

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                                "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"case-tracker\"");
                    problems.write(response, HttpStatus.UNAUTHORIZED, "Sign-in required",
                            "Send HTTP Basic credentials of a configured user.", request.getRequestURI());
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "Not allowed",
                                "Your role does not allow this.", request.getRequestURI())));
        return http.build();
    }
}

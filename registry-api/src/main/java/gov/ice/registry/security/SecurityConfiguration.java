package gov.ice.registry.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.web.problem.Problems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * Who may call what (API.md, "Commands" and "Queries"). The role a command needs is checked
 * here, before its body is read; the finer rules that depend on the body (a stakeholder's own
 * office, a signatory's own authority) are checked by the command endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

  private static final String AGREEMENT = "/api/agreements/{id}";

  @Bean
  SecurityWebFilterChain registrySecurity(ServerHttpSecurity http, SecurityProperties properties, ObjectMapper mapper) {
    String challenge = properties.jwt().configured() ? "Bearer" : "Basic realm=\"isaa-registry\"";
    http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint(unauthorized(mapper, challenge))
            .accessDeniedHandler(forbidden(mapper)))
        .authorizeExchange(exchanges -> exchanges
            .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
            .pathMatchers(HttpMethod.POST, "/api/agreements/import").access(role(Roles.IGP))
            .pathMatchers(HttpMethod.POST, "/api/agreements").access(role(Roles.PROGRAM_OFFICE))
            .pathMatchers(HttpMethod.PUT, AGREEMENT + "/draft").access(role(Roles.PROGRAM_OFFICE))
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/concurrences").access(rolePrefix(Roles.STAKEHOLDER_))
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/disputes").access(role(Roles.PROGRAM_OFFICE))
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/disputes/resolution").access(role(Roles.DIRECTOR))
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/clearance-request").access(role(Roles.PROGRAM_OFFICE))
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/clearance").access(role(Roles.IGP))
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/legal-review").access(role(Roles.STAKEHOLDER_ + "OPLA"))
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/signatures")
                .access(allow(a -> Roles.has(a, Roles.PROGRAM_OFFICE) || Roles.hasAnyWithPrefix(a, Roles.SIGNATORY_)))
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/reviews").access(role(Roles.PROGRAM_OFFICE))
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/amendments").access(role(Roles.PROGRAM_OFFICE))
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/termination").access(role(Roles.PROGRAM_OFFICE))
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/exigent-transfers").access(role(Roles.PROGRAM_OFFICE))
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/withdrawal").access(role(Roles.PROGRAM_OFFICE))
            .pathMatchers(HttpMethod.GET, AGREEMENT + "/history").access(allow(a -> Roles.has(a, Roles.AUDITOR) || Roles.has(a, Roles.IGP)))
            .pathMatchers(HttpMethod.GET, AGREEMENT).access(allow(SecurityConfiguration::anyRegistryRole))
            .anyExchange().authenticated());
    if (properties.jwt().configured()) {
      http.oauth2ResourceServer(oauth -> oauth
          .authenticationEntryPoint(unauthorized(mapper, challenge))
          .accessDeniedHandler(forbidden(mapper))
          .jwt(jwt -> jwt.jwtDecoder(jwtDecoder(properties.jwt())).jwtAuthenticationConverter(new JwtRoles(properties.jwt().rolesClaim()))));
    } else {
      http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(mapper, challenge)));
    }
    return http.build();
  }

  /** Only in the embedded mode: the users file. Without a JWT issuer the registry refuses to start without one. */
  @Bean
  ReactiveUserDetailsService users(SecurityProperties properties) {
    if (properties.jwt().configured()) {
      return username -> Mono.empty();
    }
    if (!SecurityProperties.present(properties.usersFile())) {
      throw new IllegalStateException(
          "No users: set REGISTRY_USERS_FILE to a users file (see deploy/users.example.yml), or REGISTRY_JWT_ISSUER_URI for an OAuth2 issuer");
    }
    Map<String, RegistryUser> byName = UsersFile.read(Path.of(properties.usersFile())).stream()
        .collect(Collectors.toMap(RegistryUser::getUsername, Function.identity()));
    // A fresh copy per lookup: the authentication manager may erase a user's credentials.
    return username -> Mono.justOrEmpty(byName.get(username))
        .map(u -> (UserDetails) new RegistryUser(u.getUsername(), u.getPassword(), u.displayName(), u.getAuthorities()));
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  private static ReactiveJwtDecoder jwtDecoder(SecurityProperties.Jwt jwt) {
    if (SecurityProperties.present(jwt.jwkSetUri())) {
      NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
      if (SecurityProperties.present(jwt.issuerUri())) {
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(jwt.issuerUri()));
      }
      return decoder;
    }
    return NimbusReactiveJwtDecoder.withIssuerLocation(jwt.issuerUri()).build();
  }

  private static boolean anyRegistryRole(Authentication authentication) {
    return Roles.of(authentication).stream().anyMatch(role -> List.of(
        Roles.PROGRAM_OFFICE, Roles.IGP, Roles.DIRECTOR, Roles.AUDITOR, Roles.ADMIN).contains(role)
        || role.startsWith(Roles.STAKEHOLDER_) || role.startsWith(Roles.SIGNATORY_));
  }

  private static ReactiveAuthorizationManager<AuthorizationContext> role(String role) {
    return allow(a -> Roles.has(a, role));
  }

  private static ReactiveAuthorizationManager<AuthorizationContext> rolePrefix(String prefix) {
    return allow(a -> Roles.hasAnyWithPrefix(a, prefix));
  }

  private static ReactiveAuthorizationManager<AuthorizationContext> allow(Predicate<Authentication> rule) {
    return (authentication, context) -> authentication
        .filter(Authentication::isAuthenticated)
        .map(a -> new AuthorizationDecision(rule.test(a)))
        .defaultIfEmpty(new AuthorizationDecision(false));
  }

  private static ServerAuthenticationEntryPoint unauthorized(ObjectMapper mapper, String challenge) {
    return (exchange, e) -> Problems.write(exchange, mapper,
        Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Not authenticated", "This request needs a valid user: " + e.getMessage()),
        Map.of("WWW-Authenticate", challenge));
  }

  private static ServerAccessDeniedHandler forbidden(ObjectMapper mapper) {
    return (exchange, e) -> Problems.write(exchange, mapper,
        Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "The user's roles do not allow this request."),
        Map.of());
  }
}

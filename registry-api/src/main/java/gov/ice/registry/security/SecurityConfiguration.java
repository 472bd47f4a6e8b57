package gov.ice.registry.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import gov.ice.registry.web.problem.Problems;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.DelegatingServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may call what (API.md, "Commands" and "Queries"), in two filter chains. The JSON API
 * ({@code /api/**}, {@code /v3/api-docs}, the actuator) is stateless: HTTP Basic or a bearer
 * JWT on every request, no session, no CSRF (no cookie authenticates it). The pages are signed
 * in once, with the form at {@code /login} (or the OIDC issuer), and hold the user in a
 * WebSession cookie; every form carries a CSRF token. The role a command needs is checked here
 * for the API, before its body is read; the finer rules that depend on the body (a
 * stakeholder's own office, a signatory's own authority) are checked by the command endpoints.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

  private static final String AGREEMENT = "/api/agreements/{id}";
  static final String OIDC_REGISTRATION = "registry";

  @Bean
  @Order(1)
  SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, SecurityProperties properties, ObjectMapper mapper, CheckedSignIn signIn,
      ObjectProvider<Clock> clock) {
    String challenge = properties.jwt().configured() ? "Bearer" : "Basic realm=\"isaa-registry\"";
    http
        .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator/**"))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(new ApiDocsReadSession())
        .exceptionHandling(handling -> handling
            .authenticationEntryPoint(unauthorized(mapper, challenge))
            .accessDeniedHandler(forbidden(mapper)))
        .addFilterBefore(new RecordedUser(), SecurityWebFiltersOrder.AUTHORIZATION)
        .authorizeExchange(exchanges -> exchanges
            .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
            .pathMatchers(HttpMethod.POST, "/api/agreements/import").access(role(Roles.IGP))
            .pathMatchers(HttpMethod.POST, "/api/agreements").access(role(Roles.PROGRAM_OFFICE))
            .pathMatchers(HttpMethod.PUT, AGREEMENT + "/draft").access(role(Roles.PROGRAM_OFFICE))
            .pathMatchers(HttpMethod.PUT, AGREEMENT + "/handling").access(role(Roles.PROGRAM_OFFICE))
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
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/documents").access(allow(a -> Roles.has(a, Roles.PROGRAM_OFFICE)
                || Roles.has(a, Roles.IGP) || Roles.hasAnyWithPrefix(a, Roles.SIGNATORY_)))
            .pathMatchers(HttpMethod.POST, AGREEMENT + "/documents/{documentId}/withdrawal").access(role(Roles.ADMIN))
            .pathMatchers(HttpMethod.GET, AGREEMENT + "/documents", AGREEMENT + "/documents/{documentId}")
                .access(allow(SecurityConfiguration::anyRegistryRole))
            .pathMatchers(HttpMethod.GET, AGREEMENT + "/history").access(allow(a -> Roles.has(a, Roles.AUDITOR) || Roles.has(a, Roles.IGP)))
            .pathMatchers(HttpMethod.POST, "/api/access/v1/**").access(allow(a -> Roles.has(a, Roles.SHARING_GATE_CLIENT)
                || Roles.has(a, Roles.PROGRAM_OFFICE) || Roles.has(a, Roles.IGP) || Roles.has(a, Roles.AUDITOR)))
            .pathMatchers("/api/sharing-decisions", "/api/sharing-decisions/**")
                .access(allow(a -> Roles.has(a, Roles.AUDITOR) || Roles.has(a, Roles.IGP)))
            .pathMatchers(HttpMethod.GET, AGREEMENT).access(allow(SecurityConfiguration::anyRegistryRole))
            .anyExchange().authenticated());
    if (properties.jwt().configured()) {
      http.oauth2ResourceServer(oauth -> oauth
          .authenticationEntryPoint(unauthorized(mapper, challenge))
          .accessDeniedHandler(forbidden(mapper))
          .jwt(jwt -> jwt.jwtDecoder(jwtDecoder(properties.jwt(), clock.getIfAvailable(Clock::systemUTC)))
              .jwtAuthenticationConverter(new JwtRoles(properties.jwt().rolesClaim()))));
    } else {
      http.httpBasic(basic -> basic
          .authenticationManager(signIn)
          .authenticationEntryPoint(unauthorized(mapper, challenge)));
    }
    return http.build();
  }

  /**
   * Everything else: the pages, their static assets and Swagger UI. Unauthenticated page
   * requests go to the sign-in page (and come back after it); sign-in itself is the pages'
   * {@code LoginPage}, which uses the same {@link CheckedSignIn} as HTTP Basic.
   */
  @Bean
  @Order(2)
  SecurityWebFilterChain pageSecurity(ServerHttpSecurity http, SecurityProperties properties,
      ObjectProvider<ReactiveClientRegistrationRepository> registrations, ServerCsrfTokenRepository csrfTokens) {
    WebSessionServerRequestCache requestCache = new WebSessionServerRequestCache();
    RedirectServerAuthenticationEntryPoint toLogin = new RedirectServerAuthenticationEntryPoint("/login");
    toLogin.setRequestCache(requestCache);
    RedirectServerLogoutSuccessHandler signedOut = new RedirectServerLogoutSuccessHandler();
    signedOut.setLogoutSuccessUrl(URI.create("/login?signedOut"));
    http
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .securityContextRepository(new WebSessionServerSecurityContextRepository())
        .requestCache(cache -> cache.requestCache(requestCache))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signedOut))
        .exceptionHandling(handling -> handling.authenticationEntryPoint(toLogin).accessDeniedHandler(forbiddenPage()))
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(multipartCsrfTokens()).accessDeniedHandler(forbiddenPage()))
        .addFilterBefore(new RecordedUser(), SecurityWebFiltersOrder.AUTHORIZATION)
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
        .authorizeExchange(exchanges -> exchanges
            .pathMatchers("/login", "/static/**", "/favicon.ico", "/error").permitAll()
            // AuthZEN discovery: where the gate is, open like any .well-known metadata; asking it needs a role.
            .pathMatchers(HttpMethod.GET, "/.well-known/authzen-configuration").permitAll()
            // The pages show what the API's GET /api/agreements and /api/agreements/{id} show: to registry roles only.
            .pathMatchers("/", "/agreements.csv", "/agreements/**").access(allow(SecurityConfiguration::anyRegistryRole))
            .anyExchange().authenticated());
    ReactiveClientRegistrationRepository oidc = registrations.getIfAvailable();
    if (oidc != null) {
      // Authorization code with PKCE, also for a confidential client (RFC 9700 asks for both).
      DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(oidc);
      resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
      // Back to the page asked for, or the user's own work, as after the form (SignInLanding).
      SignInLanding back = new SignInLanding(requestCache);
      http.oauth2Login(login -> login.authorizationRequestResolver(resolver).clientRegistrationRepository(oidc)
          .authenticationSuccessHandler(new DelegatingServerAuthenticationSuccessHandler(
              (exchange, authentication) -> SessionAtSignIn.renew(exchange.getExchange(), csrfTokens), back)));
      // oauth2Login installs its own entry point; the sign-in page offers the issuer's link instead.
      http.exceptionHandling(handling -> handling.authenticationEntryPoint(toLogin));
    }
    return http.build();
  }

  /**
   * The default request handler (XOR-masked tokens), also reading the token from a multipart
   * form's fields: the agreement page attaches documents with one, and works without JavaScript.
   */
  private static org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler multipartCsrfTokens() {
    org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler xor =
        new org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler();
    xor.setTokenFromMultipartDataEnabled(true);
    return new org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler() {
      @Override
      public void handle(ServerWebExchange exchange, Mono<org.springframework.security.web.server.csrf.CsrfToken> csrfToken) {
        xor.handle(exchange, csrfToken);
      }

      @Override
      public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, org.springframework.security.web.server.csrf.CsrfToken csrfToken) {
        // A multipart form without the token field fails inside Spring Security with a
        // NullPointerException (a 500); it is a missing token, answered 403 like any other.
        return xor.resolveCsrfTokenValue(exchange, csrfToken).onErrorResume(NullPointerException.class, e -> Mono.empty());
      }
    };
  }

  /**
   * The pages' CSRF tokens, kept in the session. One instance, shared with the sign-in page,
   * which drops the token at sign-in ({@link SessionAtSignIn}).
   */
  @Bean
  ServerCsrfTokenRepository pageCsrfTokens() {
    return new WebSessionServerCsrfTokenRepository();
  }

  /** In JWT mode with an OIDC client registration: the ID token's roles claim makes the page user's roles. */
  @Bean
  ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(SecurityProperties properties) {
    OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
    return request -> delegate.loadUser(request).map(user -> {
      List<SimpleGrantedAuthority> authorities = JwtRoles.authorities(user.getClaims(), properties.jwt().rolesClaim());
      String nameKey = user.getClaims().containsKey("preferred_username") ? "preferred_username" : "sub";
      return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameKey);
    });
  }

  /** Which ways of signing in the pages offer. */
  @Bean
  SignInOptions signInOptions(SecurityProperties properties, ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
    return new SignInOptions(!properties.jwt().configured(),
        registrations.getIfAvailable() == null ? null : "/oauth2/authorization/" + OIDC_REGISTRATION);
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
    return new UsersFileUsers(Path.of(properties.usersFile()));
  }

  @Bean
  CheckedSignIn checkedSignIn(ReactiveUserDetailsService users, PasswordEncoder passwords, SecurityProperties properties,
      ObjectProvider<Clock> clock, SecurityEvents events) {
    // JWT mode checks no password: its users service knows no one, and no sign-in asks it.
    Supplier<String> unknownUserPassword = users instanceof UsersFileUsers file ? file::unknownUserPassword : () -> null;
    return new CheckedSignIn(users, passwords, properties.signIn(), clock.getIfAvailable(Clock::systemUTC), events, unknownUserPassword);
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * The issuer's signature and (with an issuer uri) its {@code iss}, the usual time checks, an
   * {@code exp} (Spring accepts a token without one, which would then be valid forever), and an
   * {@code aud} naming this registry: the issuer mints tokens for every application it serves,
   * and one meant for another application must not act here. The key set is fetched again for
   * an unknown key id at most once per {@code keyRefetchInterval} ({@link KeySetFetches}).
   */
  static ReactiveJwtDecoder jwtDecoder(SecurityProperties.Jwt jwt, Clock clock) {
    List<String> audiences = jwt.audiences();
    if (audiences.isEmpty()) {
      throw new IllegalStateException("JWT mode needs the audience its tokens are minted for: set REGISTRY_JWT_AUDIENCE "
          + "(registry.security.jwt.audience) to the value the issuer puts in the access tokens' 'aud' claim for this registry "
          + "(its client id or resource name); a token for another audience is then refused");
    }
    if (jwt.keyRefetchInterval().isNegative()) {
      throw new IllegalStateException("registry.security.jwt.key-refetch-interval must not be negative: " + jwt.keyRefetchInterval());
    }
    OAuth2TokenValidator<Jwt> mustExpire = new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull);
    OAuth2TokenValidator<Jwt> forThisRegistry = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
        aud -> aud != null && aud.stream().anyMatch(audiences::contains));
    WebClient keys = WebClient.builder().filter(new KeySetFetches(jwt.keyRefetchInterval(), clock)).build();
    NimbusReactiveJwtDecoder decoder = SecurityProperties.present(jwt.jwkSetUri())
        ? NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).webClient(keys).build()
        : NimbusReactiveJwtDecoder.withIssuerLocation(jwt.issuerUri()).webClient(keys).build();
    OAuth2TokenValidator<Jwt> standard = SecurityProperties.present(jwt.issuerUri())
        ? JwtValidators.createDefaultWithIssuer(jwt.issuerUri())
        : JwtValidators.createDefault();
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(standard, mustExpire, forThisRegistry));
    return decoder;
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

  /**
   * 401 says only that credentials are missing, invalid or expired: never why a token failed to
   * parse (that detail helps an attacker more than a client). Too many failed sign-ins: 429.
   */
  private static ServerAuthenticationEntryPoint unauthorized(ObjectMapper mapper, String challenge) {
    return (exchange, e) -> {
      if (e instanceof SignInThrottled throttled) {
        return Problems.write(exchange, mapper,
            Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-ins", "Too many failed sign-ins",
                "Too many failed sign-ins for this user or from this address; try again after " + throttled.retryAfterSeconds() + " seconds."),
            Map.of(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds())));
      }
      return Problems.write(exchange, mapper,
          Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Not authenticated",
              "This request needs valid credentials: they are missing, invalid or expired."),
          Map.of("WWW-Authenticate", challenge));
    };
  }

  private static ServerAccessDeniedHandler forbidden(ObjectMapper mapper) {
    return (exchange, e) -> Problems.write(exchange, mapper,
        Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "The user's roles do not allow this request."),
        Map.of());
  }

  /** A page refused (an expired form's CSRF token, mostly): a page that says so and leads back. */
  private static ServerAccessDeniedHandler forbiddenPage() {
    return (exchange, e) -> {
      var response = exchange.getResponse();
      response.setStatusCode(HttpStatus.FORBIDDEN);
      response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
      byte[] body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not allowed - ISAA Registry</title>"
          + "<link rel=\"stylesheet\" href=\"/static/uswds/css/uswds.min.css\"><link rel=\"stylesheet\" href=\"/static/registry.css\"></head><body><main id=\"main\"><h1>Not allowed</h1>"
          + "<p>This action was refused: your session may have expired, or your role does not allow it.</p>"
          + "<p><a href=\"/\">Back to the central repository</a> or <a href=\"/login\">sign in again</a>.</p></main></body></html>")
          .getBytes(StandardCharsets.UTF_8);
      return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    };
  }

  /**
   * The API holds no session, except that {@code /v3/api-docs} also reads a signed-in page
   * user's session: Swagger UI, a page, fetches the document with the session cookie. Reading
   * a GET document with a cookie opens no CSRF hole; commands never look at the session.
   */
  private static final class ApiDocsReadSession implements ServerSecurityContextRepository {

    private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
      return Mono.empty();
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
      if (exchange.getRequest().getMethod() == HttpMethod.GET && exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/v3/api-docs")) {
        return sessions.load(exchange);
      }
      return NoOpServerSecurityContextRepository.getInstance().load(exchange);
    }
  }
}

package gov.ice.registry.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import gov.ice.registry.RegistryApplication;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The pages' sign-in in JWT mode through a real OIDC issuer: a small issuer in this process
 * (the JDK's HTTP server) serves discovery, its JWK set, an authorization endpoint that signs
 * the user in at once and a token endpoint that checks the client's secret and the PKCE
 * verifier against the challenge, then answers an ID token signed with its key. The registry
 * is the real application with its real security, configured as an operator would (docs/operations.md,
 * "Sign-in and security"); the browser is an HTTP client that follows redirects with a cookie
 * jar.
 */
class OidcSignInIT {

  static final String CLIENT_ID = "registry-pages";
  static final String CLIENT_SECRET = "pages-secret";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dataDir;

  static RSAKey key;
  static HttpServer issuer;
  static String issuerUri;
  static ConfigurableApplicationContext registry;
  static int port;

  /** What the authorization endpoint received, by the code it issued. */
  static final Map<String, Map<String, String>> authorizations = new ConcurrentHashMap<>();
  /** Every authorization request's query, in order. */
  static final List<Map<String, String>> authorizationRequests = new ArrayList<>();
  /** Every token request's form, in order. */
  static final List<Map<String, String>> tokenRequests = new ArrayList<>();
  /** The user the next authorization signs in: username, name and roles. */
  static volatile Object[] nextUser;

  @BeforeAll
  static void startIssuerAndRegistry() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("oidc-key").generate();
    issuer = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    issuerUri = "http://localhost:" + issuer.getAddress().getPort() + "/issuer";
    issuer.createContext("/issuer/.well-known/openid-configuration", exchange -> {
      Map<String, Object> metadata = new LinkedHashMap<>();
      metadata.put("issuer", issuerUri);
      metadata.put("authorization_endpoint", issuerUri + "/authorize");
      metadata.put("token_endpoint", issuerUri + "/token");
      metadata.put("jwks_uri", issuerUri + "/jwks");
      metadata.put("response_types_supported", List.of("code"));
      metadata.put("subject_types_supported", List.of("public"));
      metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
      metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
      metadata.put("code_challenge_methods_supported", List.of("S256"));
      metadata.put("scopes_supported", List.of("openid", "profile"));
      answer(exchange, 200, "application/json", JSON.writeValueAsString(metadata));
    });
    issuer.createContext("/issuer/jwks", exchange -> answer(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString()));
    issuer.createContext("/issuer/authorize", exchange -> {
      Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
      synchronized (tokenRequests) {
        authorizationRequests.add(new LinkedHashMap<>(query));
      }
      String code = UUID.randomUUID().toString();
      query.put("user", String.join("|", (String) nextUser[0], (String) nextUser[1], String.join(" ", (List<String>) nextUser[2])));
      authorizations.put(code, query);
      String back = query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Location", back);
      answer(exchange, 302, "text/plain", "");
    });
    issuer.createContext("/issuer/token", exchange -> {
      Map<String, String> request = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String basic = exchange.getRequestHeaders().getFirst("Authorization");
      request.put("authorization", basic == null ? "" : basic);
      synchronized (tokenRequests) {
        tokenRequests.add(request);
      }
      Map<String, String> authorization = authorizations.remove(request.get("code"));
      String expectedBasic = "Basic " + Base64.getEncoder().encodeToString(
          (enc(CLIENT_ID) + ":" + enc(CLIENT_SECRET)).getBytes(StandardCharsets.UTF_8));
      if (authorization == null || !expectedBasic.equals(basic) || request.get("code_verifier") == null
          || !s256(request.get("code_verifier")).equals(authorization.get("code_challenge"))) {
        answer(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
        return;
      }
      String[] user = authorization.get("user").split("\\|");
      try {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
            .issuer(issuerUri).subject("sub-" + user[0]).audience(CLIENT_ID)
            .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300)))
            .claim("nonce", authorization.get("nonce"))
            .claim("preferred_username", user[0]).claim("name", user[1])
            .claim("roles", List.of(user[2].split(" ")))
            .build();
        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        idToken.sign(new RSASSASigner(key));
        Map<String, Object> tokens = Map.of("access_token", UUID.randomUUID().toString(), "token_type", "Bearer",
            "expires_in", 300, "scope", "openid profile", "id_token", idToken.serialize());
        answer(exchange, 200, "application/json", JSON.writeValueAsString(tokens));
      } catch (Exception e) {
        answer(exchange, 500, "text/plain", e.toString());
      }
    });
    issuer.start();

    RegistryApplication.disableAxonUpdateChecker();
    registry = new SpringApplicationBuilder(RegistryApplication.class).run(
        "--server.port=0",
        "--registry.data-dir=" + dataDir,
        "--registry.ledger.url=",
        "--registry.security.users-file=",
        "--registry.security.jwt.issuer-uri=" + issuerUri,
        "--registry.security.jwt.roles-claim=roles",
        "--registry.security.jwt.audience=isaa-registry",
        "--spring.security.oauth2.client.registration.registry.client-id=" + CLIENT_ID,
        "--spring.security.oauth2.client.registration.registry.client-secret=" + CLIENT_SECRET,
        "--spring.security.oauth2.client.registration.registry.scope=openid,profile",
        "--spring.security.oauth2.client.registration.registry.provider=registry",
        "--spring.security.oauth2.client.provider.registry.issuer-uri=" + issuerUri);
    port = ((WebServerApplicationContext) registry).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (issuer != null) {
      issuer.stop(0);
    }
  }

  @Test
  void signsInThroughTheIssuerWithPkceAndTakesTheRolesFromTheIdToken() throws Exception {
    forget();
    HttpClient browser = browser();
    nextUser = new Object[] {"pat.oidc", "Pat From The Issuer", List.of("PROGRAM_OFFICE", "STAKEHOLDER_OPP")};

    HttpResponse<String> login = get(browser, "/");
    assertThat(login.uri().getPath()).isEqualTo("/login");
    Matcher link = Pattern.compile("href=\"(/oauth2/authorization/registry)\"").matcher(login.body());
    assertThat(link.find()).as("the sign-in page offers the issuer: " + login.body()).isTrue();

    HttpResponse<String> signedIn = get(browser, link.group(1));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    assertThat(signedIn.uri().getPort()).isEqualTo(port);
    assertThat(signedIn.uri().getPath()).as("from the site's root, the user lands on its own work, as after the form").isEqualTo("/work");
    assertThat(signedIn.body()).contains("Pat From The Issuer");
    assertThat(rolesShown(signedIn.body())).containsExactlyInAnyOrder("PROGRAM_OFFICE", "STAKEHOLDER_OPP");
    assertThat(signedIn.body()).contains("(Program office, Key Stakeholder: Office of Policy and Planning (OPP))");

    Map<String, String> authorization;
    Map<String, String> token;
    synchronized (tokenRequests) {
      assertThat(authorizationRequests).hasSize(1);
      assertThat(tokenRequests).hasSize(1);
      authorization = authorizationRequests.get(0);
      token = tokenRequests.get(0);
    }
    assertThat(authorization.get("response_type")).isEqualTo("code");
    assertThat(authorization.get("client_id")).isEqualTo(CLIENT_ID);
    assertThat(authorization.get("redirect_uri")).isEqualTo("http://localhost:" + port + "/login/oauth2/code/registry");
    assertThat(authorization.get("scope")).contains("openid");
    assertThat(authorization.get("nonce")).isNotBlank();
    assertThat(authorization.get("code_challenge_method")).isEqualTo("S256");
    assertThat(authorization.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(token.get("grant_type")).isEqualTo("authorization_code");
    assertThat(token.get("code_verifier")).isNotBlank();
    assertThat(s256(token.get("code_verifier"))).as("the PKCE verifier matches the challenge").isEqualTo(authorization.get("code_challenge"));

    // The roles are the page user's: a program office may draft, an auditor's page is refused.
    HttpResponse<String> draft = get(browser, "/agreements/new");
    assertThat(draft.statusCode()).isEqualTo(200);
    assertThat(draft.body()).contains("id=\"draft-form\"");
    assertThat(get(browser, "/audit/approvals").statusCode()).isEqualTo(403);
  }

  @Test
  void anAuditorFromTheIssuerIsAnAuditorOnThePages() throws Exception {
    HttpClient browser = browser();
    nextUser = new Object[] {"audrey.oidc", "Audrey From The Issuer", List.of("AUDITOR")};
    HttpResponse<String> signedIn = get(browser, "/oauth2/authorization/registry");
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    assertThat(signedIn.uri().getPath()).as("an auditor, who has no queue, lands on the central repository").isEqualTo("/");
    assertThat(signedIn.body()).contains("Audrey From The Issuer");
    assertThat(rolesShown(signedIn.body())).containsExactly("AUDITOR");
    assertThat(get(browser, "/audit/approvals").statusCode()).isEqualTo(200);
    assertThat(get(browser, "/agreements/new").statusCode()).isEqualTo(403);
  }

  /** Every role but the auditor lands on its own work after the issuer's sign-in; a page asked for first is kept. */
  @Test
  void everyRoleLandsOnItsOwnWorkAfterTheIssuersSignIn() throws Exception {
    for (List<String> roles : List.of(List.of("IGP"), List.of("DIRECTOR"), List.of("STAKEHOLDER_OPLA"), List.of("SIGNATORY_HSI_EAD"))) {
      HttpClient browser = browser();
      nextUser = new Object[] {"user.oidc", "User From The Issuer", roles};
      HttpResponse<String> signedIn = get(browser, "/oauth2/authorization/registry");
      assertThat(signedIn.statusCode()).as(roles + ": " + signedIn.body()).isEqualTo(200);
      assertThat(signedIn.uri().getPath()).as(roles.toString()).isEqualTo("/work");
      assertThat(signedIn.body()).as(roles.toString()).contains("User From The Issuer").contains("<h1>My work</h1>");
    }
    HttpClient browser = browser();
    nextUser = new Object[] {"ivy.oidc", "Ivy From The Issuer", List.of("IGP")};
    HttpResponse<String> asked = get(browser, "/reviews");
    assertThat(asked.uri().getPath()).isEqualTo("/login");
    Matcher link = Pattern.compile("href=\"(/oauth2/authorization/registry)\"").matcher(asked.body());
    assertThat(link.find()).isTrue();
    HttpResponse<String> signedIn = get(browser, link.group(1));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    assertThat(signedIn.uri().getPath()).as("the page asked for before signing in").isEqualTo("/reviews");
  }

  /**
   * In JWT mode the sign-in page shows no form, so the anonymous session's CSRF token is on no
   * page; SignInSessionIT shows the form's token refused after sign-in. Here: the issuer's
   * sign-in also starts a new session, and the first page after it carries a working token.
   */
  @Test
  void signingInThroughTheIssuerStartsANewSession() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    nextUser = new Object[] {"pat.oidc", "Pat From The Issuer", List.of("PROGRAM_OFFICE")};
    assertThat(get(browser, "/login").statusCode()).isEqualTo(200);
    String anonymous = session(cookies);
    assertThat(anonymous).as("the sign-in page's session").isNotEmpty();

    HttpResponse<String> signedIn = get(browser, "/oauth2/authorization/registry");
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    assertThat(session(cookies)).as("a new session id at sign-in").isNotEmpty().isNotEqualTo(anonymous);

    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signedIn.body());
    assertThat(token.find()).as(signedIn.body()).isTrue();
    HttpResponse<String> signedOut = post(browser, "/logout", "_csrf=" + enc(token.group(1)));
    assertThat(signedOut.uri().getPath()).as("signed out, back at the sign-in page").isEqualTo("/login");
    assertThat(signedOut.uri().getQuery()).isEqualTo("signedOut");
  }

  private static String session(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("REGISTRY_SESSION"))
        .map(java.net.HttpCookie::getValue).findFirst().orElse("");
  }

  @Test
  void aCallbackTheRegistryDidNotAskForSignsNoOneIn() throws Exception {
    HttpClient browser = browser();
    HttpResponse<String> forged = get(browser, "/login/oauth2/code/registry?code=made-up&state=" + UUID.randomUUID());
    assertThat(forged.uri().getPath()).isEqualTo("/login");
    HttpResponse<String> home = get(browser, "/");
    assertThat(home.uri().getPath()).isEqualTo("/login");
    assertThat(home.body()).doesNotContain("form class=\"signout\"");
  }

  private static void forget() {
    synchronized (tokenRequests) {
      authorizationRequests.clear();
      tokenRequests.clear();
    }
  }

  /** The roles the page header shows for the signed-in user: in words, with their codes beside for programs. */
  private static List<String> rolesShown(String page) {
    Matcher roles = Pattern.compile("<span class=\"roles\" data-roles=\"([^\"]*)\">").matcher(page);
    assertThat(roles.find()).as("the header names the roles: " + page).isTrue();
    return List.of(roles.group(1).split(" "));
  }

  private static HttpClient browser() {
    return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
  }

  private static HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(HttpClient browser, String path, String form) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> values = new LinkedHashMap<>();
    if (encoded == null) {
      return values;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String s256(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

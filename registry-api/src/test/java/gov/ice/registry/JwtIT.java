package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production's authentication: JWTs from an issuer, whose signing keys the registry fetches from
 * a JWK set (served here by a local HTTP server, which counts the fetches), roles from a
 * configurable claim and only the documented role names, the username from
 * {@code preferred_username} or else {@code sub}, and only tokens minted for this registry's
 * audience.
 */
class JwtIT {

  @TempDir
  static Path dataDir;

  static final String AUDIENCE = "isaa-registry";

  static RSAKey issuerKey;
  static HttpServer jwks;
  static final AtomicInteger keySetFetches = new AtomicInteger();
  static ConfigurableApplicationContext registry;
  static RegistryClient client;

  @BeforeAll
  static void startIssuerAndRegistry() throws Exception {
    issuerKey = new RSAKeyGenerator(2048).keyID("issuer-key").generate();
    jwks = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    byte[] keys = new JWKSet(issuerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext("/jwks", exchange -> {
      keySetFetches.incrementAndGet();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, keys.length);
      exchange.getResponseBody().write(keys);
      exchange.close();
    });
    jwks.start();
    RegistryApplication.disableAxonUpdateChecker();
    registry = new SpringApplicationBuilder(RegistryApplication.class).run(
        "--server.port=0",
        "--registry.data-dir=" + dataDir,
        "--registry.ledger.url=",
        "--registry.security.users-file=",
        "--registry.security.jwt.jwk-set-uri=http://localhost:" + jwks.getAddress().getPort() + "/jwks",
        "--registry.security.jwt.roles-claim=realm_access.roles",
        "--registry.security.jwt.audience=some-other-api, " + AUDIENCE);
    client = new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort());
  }

  @AfterAll
  static void stop() {
    registry.close();
    jwks.stop(0);
  }

  @Test
  void takesTheUserAndRolesFromTheTokenAndRecordsThem() throws Exception {
    Response drafted = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-123", "pat.jwt", "Pat From The Issuer", List.of("PROGRAM_OFFICE")))
        .post("/api/agreements", AgreementBodies.draft());
    assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);

    Response history = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-456", null, null, List.of("AUDITOR")))
        .get("/api/agreements/" + drafted.id() + "/history");
    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    assertThat(history.json().get(0).path("actor").path("username").asText()).isEqualTo("pat.jwt");
    assertThat(history.json().get(0).path("actor").path("displayName").asText()).isEqualTo("Pat From The Issuer");
    assertThat(history.json().get(0).path("actor").path("roles").toString()).contains("PROGRAM_OFFICE");
  }

  @Test
  void fallsBackToTheSubjectAndRefusesRolesTheTokenDoesNotGrant() throws Exception {
    Response refused = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-789", null, null, List.of("AUDITOR")))
        .post("/api/agreements", AgreementBodies.draft());
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
  }

  @Test
  void refusesATokenSignedByAnotherKeyOrNoTokenWithABearerChallenge() throws Exception {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("issuer-key").generate();
    Response forged = client.anonymous()
        .header("Authorization", "Bearer " + token(stranger, "u-123", "pat.jwt", null, List.of("PROGRAM_OFFICE")))
        .post("/api/agreements", AgreementBodies.draft());
    assertThat(forged.status()).as(forged.toString()).isEqualTo(401);
    Response none = client.anonymous().post("/api/agreements", AgreementBodies.draft());
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    assertThat(none.contentType()).startsWith("application/problem+json");
  }

  @Test
  void refusesATokenWithoutExpiryAndSaysNothingOfTheParser() throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u-forever").audience(AUDIENCE).claim("preferred_username", "pat.forever")
        .claim("realm_access", Map.of("roles", List.of("PROGRAM_OFFICE"))).build();
    SignedJWT forever = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(issuerKey.getKeyID()).build(), claims);
    forever.sign(new RSASSASigner(issuerKey));
    Response refused = client.anonymous().header("Authorization", "Bearer " + forever.serialize()).post("/api/agreements", AgreementBodies.draft());
    assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    assertThat(refused.json().path("detail").asText()).isEqualTo("This request needs valid credentials: they are missing, invalid or expired.");

    Response garbage = client.anonymous().header("Authorization", "Bearer not.a.jwt").get("/api/agreements");
    assertThat(garbage.status()).isEqualTo(401);
    assertThat(garbage.text()).doesNotContainIgnoringCase("malformed").doesNotContainIgnoringCase("parse").doesNotContain("Nimbus");
  }

  @Test
  void refusesATokenMintedForAnotherAudienceOrForNone() throws Exception {
    Response forAnother = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-123", "pat.jwt", null, List.of("PROGRAM_OFFICE"), List.of("payroll-app")))
        .post("/api/agreements", AgreementBodies.draft());
    assertThat(forAnother.status()).as(forAnother.toString()).isEqualTo(401);
    assertThat(forAnother.contentType()).startsWith("application/problem+json");
    Response forNone = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-123", "pat.jwt", null, List.of("PROGRAM_OFFICE"), List.of()))
        .get("/api/agreements");
    assertThat(forNone.status()).as(forNone.toString()).isEqualTo(401);
    Response forSeveralOneOfThemUs = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-123", "pat.jwt", null, List.of("PROGRAM_OFFICE"), List.of("payroll-app", AUDIENCE)))
        .get("/api/agreements");
    assertThat(forSeveralOneOfThemUs.status()).as(forSeveralOneOfThemUs.toString()).isEqualTo(200);
    Response forTheOtherConfigured = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-123", "pat.jwt", null, List.of("PROGRAM_OFFICE"), List.of("some-other-api")))
        .get("/api/agreements");
    assertThat(forTheOtherConfigured.status()).as(forTheOtherConfigured.toString()).isEqualTo(200);
  }

  @Test
  void countsOnlyTheDocumentedRoleNamesNeverSpringAuthorities() throws Exception {
    Response prefixed = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-1", "mallory", null, List.of("ROLE_ADMIN", "ROLE_PROGRAM_OFFICE")))
        .get("/api/admin/projections");
    assertThat(prefixed.status()).as("ROLE_ADMIN is not ADMIN: " + prefixed).isEqualTo(403);
    Response prefixedDraft = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-1", "mallory", null, List.of("ROLE_PROGRAM_OFFICE")))
        .post("/api/agreements", AgreementBodies.draft());
    assertThat(prefixedDraft.status()).as(prefixedDraft.toString()).isEqualTo(403);
    Response unknown = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-1", "mallory", null, List.of("admin", "SUPERUSER", "STAKEHOLDER_NOBODY", "ADMIN ")))
        .get("/api/admin/projections");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(403);

    Response admin = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-2", "adam.jwt", null, List.of("ADMIN", "ROLE_ADMIN", "SUPERUSER")))
        .get("/api/admin/projections");
    assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
    Response drafted = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-3", "pat.roles", null, List.of("PROGRAM_OFFICE", "ROLE_ADMIN", "SIGNATORY_HSI_EAD")))
        .post("/api/agreements", AgreementBodies.draft());
    assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
    Response history = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-4", null, null, List.of("AUDITOR")))
        .get("/api/agreements/" + drafted.id() + "/history");
    assertThat(history.json().get(0).path("actor").path("roles").toString())
        .contains("PROGRAM_OFFICE").contains("SIGNATORY_HSI_EAD").doesNotContain("ADMIN");
  }

  @Test
  void fetchesTheKeySetAgainAtMostOnceForThirtyTokensWithUnknownKeyIds() throws Exception {
    Response known = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-123", "pat.jwt", null, List.of("AUDITOR")))
        .get("/api/agreements");
    assertThat(known.status()).as(known.toString()).isEqualTo(200);
    int before = keySetFetches.get();
    assertThat(before).as("the key set was fetched for the first token").isPositive();

    for (int i = 0; i < 30; i++) {
      RSAKey unknown = new RSAKeyGenerator(2048).keyID("unknown-" + i).generate();
      Response refused = client.anonymous()
          .header("Authorization", "Bearer " + token(unknown, "u-123", "pat.jwt", null, List.of("AUDITOR")))
          .get("/api/agreements");
      assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
    }
    assertThat(keySetFetches.get() - before).as("key set fetches for 30 unknown key ids").isLessThanOrEqualTo(1);

    Response stillKnown = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-123", "pat.jwt", null, List.of("AUDITOR")))
        .get("/api/agreements");
    assertThat(stillKnown.status()).as(stillKnown.toString()).isEqualTo(200);
  }

  @Test
  void answersAnOversizedTokenWithAProblem() throws Exception {
    String huge = "Bearer " + "a".repeat(64 * 1024);
    Response refused = client.anonymous().header("Authorization", huge).get("/api/agreements");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(431);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("status").asInt()).isEqualTo(431);
    assertThat(refused.json().path("type").asText()).endsWith("/request-header-too-large");
    assertThat(refused.json().path("detail").asText()).contains("8192 bytes");

    Response afterwards = client.anonymous()
        .header("Authorization", "Bearer " + token(issuerKey, "u-123", "pat.jwt", null, List.of("AUDITOR")))
        .get("/api/agreements");
    assertThat(afterwards.status()).as(afterwards.toString()).isEqualTo(200);
  }

  @Test
  void refusesToStartInJwtModeWithoutAnAudience(@TempDir Path elsewhere) {
    assertThatThrownBy(() -> new SpringApplicationBuilder(RegistryApplication.class).run(
        "--server.port=0",
        "--registry.data-dir=" + elsewhere,
        "--registry.ledger.url=",
        "--registry.security.users-file=",
        "--registry.security.jwt.jwk-set-uri=http://localhost:" + jwks.getAddress().getPort() + "/jwks",
        "--registry.security.jwt.audience=").close())
        .hasStackTraceContaining("REGISTRY_JWT_AUDIENCE");
  }

  private static String token(RSAKey key, String subject, String preferredUsername, String name, List<String> roles) throws Exception {
    return token(key, subject, preferredUsername, name, roles, List.of(AUDIENCE));
  }

  private static String token(RSAKey key, String subject, String preferredUsername, String name, List<String> roles,
      List<String> audience) throws Exception {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .subject(subject)
        .audience(audience.isEmpty() ? null : audience)
        .issueTime(new Date())
        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
        .claim("realm_access", Map.of("roles", roles));
    if (preferredUsername != null) {
      claims.claim("preferred_username", preferredUsername);
    }
    if (name != null) {
      claims.claim("name", name);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}

package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production's authentication: JWTs from an issuer, whose signing keys the registry fetches from
 * a JWK set (served here by a local HTTP server), roles from a configurable claim, the username
 * from {@code preferred_username} or else {@code sub}.
 */
class JwtIT {

  @TempDir
  static Path dataDir;

  static RSAKey issuerKey;
  static HttpServer jwks;
  static ConfigurableApplicationContext registry;
  static RegistryClient client;

  @BeforeAll
  static void startIssuerAndRegistry() throws Exception {
    issuerKey = new RSAKeyGenerator(2048).keyID("issuer-key").generate();
    jwks = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    byte[] keys = new JWKSet(issuerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext("/jwks", exchange -> {
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
        "--registry.security.jwt.roles-claim=realm_access.roles");
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
    JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u-forever").claim("preferred_username", "pat.forever")
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

  private static String token(RSAKey key, String subject, String preferredUsername, String name, List<String> roles) throws Exception {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .subject(subject)
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

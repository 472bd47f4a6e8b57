package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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
 * Password guessing is slowed down, for HTTP Basic and the sign-in form alike: after three wrong
 * passwords from one address the user is refused there with 429 and Retry-After, even with the
 * right password, until the wait is over; but nobody can lock a user out of another address,
 * not even behind a shared proxy. A remembered password check never outlives a change of the
 * users file. The proxy here is 127.0.0.2 (a raw socket bound to it): the only peer whose
 * X-Forwarded-For counts; the ordinary client, on 127.0.0.1, is a peer like any other.
 */
class ThrottlingIT {

  @TempDir
  static Path dir;

  static final String PROXY = "127.0.0.2";

  static Path users;
  static ConfigurableApplicationContext registry;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    users = dir.resolve("users.yml");
    writeUsers("registry");
    RegistryApplication.disableAxonUpdateChecker();
    registry = new SpringApplicationBuilder(RegistryApplication.class).run(
        "--server.port=0",
        "--registry.data-dir=" + dir.resolve("data"),
        "--registry.ledger.url=",
        "--registry.security.users-file=" + users,
        "--registry.security.sign-in.max-failures-per-user=3",
        "--registry.security.sign-in.max-failures-per-address=10",
        "--registry.security.sign-in.first-delay=3s",
        "--registry.security.sign-in.lockout=6s",
        "--registry.http.trusted-proxies=" + PROXY,
        "--registry.security.sign-in.password-cache-ttl=10m");
    port = ((WebServerApplicationContext) registry).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  static void writeUsers(String patPassword) throws Exception {
    Files.writeString(users, """
        users:
          - username: pat
            password: "{noop}%s"
            roles: [PROGRAM_OFFICE]
          - username: ivy
            password: "{noop}registry"
            roles: [IGP]
          - username: audrey
            password: "{noop}registry"
            roles: [AUDITOR]
          - username: rae
            password: "{noop}registry"
            roles: [AUDITOR]
          - username: sam
            password: "{noop}registry"
            roles: [AUDITOR]
          - username: tess
            password: "{noop}registry"
            roles: [AUDITOR]
        """.formatted(patPassword));
  }

  static Response basic(String user, String password) {
    return new RegistryClient(port).anonymous()
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .get("/api/agreements");
  }

  @Test
  void refusesBasicWith429AndRetryAfterAfterRepeatedWrongPasswordsThenLetsTheRightOneIn() {
    for (int i = 0; i < 3; i++) {
      Response wrong = basic("audrey", "guess-" + i);
      assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
      assertThat(wrong.text()).doesNotContain("guess-").contains("invalid or expired");
    }
    Response throttled = basic("audrey", "registry");
    assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
    assertThat(throttled.contentType()).startsWith("application/problem+json");
    assertThat(throttled.header("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 3L));
    await("the lockout to end").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
        .until(() -> basic("audrey", "registry").status() == 200);
  }

  /** HTTP Basic through the proxy (a socket bound to 127.0.0.2) for the client it names, or from {@code local} itself. */
  static int viaPeer(String local, String forwardedFor, String user, String password) throws Exception {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(local, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(60_000);
      String request = "GET /api/agreements HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
          + "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\n"
          + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      assertThat(statusLine).startsWith("HTTP/1.1 ");
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  static int viaProxy(String client, String user, String password) throws Exception {
    return viaPeer(PROXY, client, user, password);
  }

  @Test
  void aStrangerGuessingMadeUpNamesLocksNoRealUserOutNeitherElsewhereNorBehindTheSameProxy() throws Exception {
    int refused = 0;
    for (int i = 0; i < 25; i++) {
      int status = viaProxy("198.51.100.66", "made-up-" + i, "guess");
      assertThat(status).isIn(401, 429);
      refused += status == 429 ? 1 : 0;
    }
    assertThat(refused).as("the stranger's own address is slowed down").isGreaterThanOrEqualTo(10);
    assertThat(viaProxy("198.51.100.10", "rae", "registry")).as("another client behind the same proxy").isEqualTo(200);
    assertThat(basic("rae", "registry").status()).as("a client that is not behind the proxy").isEqualTo(200);
  }

  @Test
  void ignoresAForwardedForThatDoesNotComeFromATrustedProxy() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(viaPeer("127.0.0.1", "203.0.113." + (10 + i), "sam", "guess-" + i)).isEqualTo(401);
    }
    assertThat(viaPeer("127.0.0.1", "203.0.113.99", "sam", "registry"))
        .as("the spoofed header changes nothing: this is still 127.0.0.1, which failed three times").isEqualTo(429);
    assertThat(viaProxy("203.0.113.10", "sam", "registry"))
        .as("203.0.113.10, as a trusted proxy says, has never failed").isEqualTo(200);
  }

  @Test
  void aUserTargetedFromThreeAddressesStillSignsInFromAFreshOne() throws Exception {
    for (String attacker : new String[] {"192.0.2.1", "192.0.2.2", "192.0.2.3"}) {
      for (int i = 0; i < 5; i++) {
        assertThat(viaProxy(attacker, "tess", "guess-" + i)).isIn(401, 429);
      }
      assertThat(viaProxy(attacker, "tess", "registry")).as("the guessing address waits").isEqualTo(429);
    }
    assertThat(viaProxy("192.0.2.4", "tess", "registry")).isEqualTo(200);
    assertThat(basic("tess", "registry").status()).isEqualTo(200);
  }

  @Test
  void refusesTheSignInFormWith429AndRetryAfterAlike() throws Exception {
    // HTTP/1.1 as the server speaks it: no h2c upgrade attempt on the form's POST.
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).build();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> wrong = signIn(browser, "ivy", "guess-" + i);
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.body()).contains("The username or password is not right");
    }
    HttpResponse<String> throttled = signIn(browser, "ivy", "registry");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 3L));
    assertThat(throttled.body()).contains("Too many failed sign-ins");
    await("the lockout to end").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
        .until(() -> signIn(browser, "ivy", "registry").statusCode() == 303);
    HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Central repository");
  }

  @Test
  void neverServesAChangedUsersFileFromTheCache() throws Exception {
    assertThat(basic("pat", "registry").status()).isEqualTo(200);
    assertThat(basic("pat", "registry").status()).as("served from the cache").isEqualTo(200);
    writeUsers("a-changed-password");
    assertThat(basic("pat", "registry").status()).isEqualTo(401);
    assertThat(basic("pat", "a-changed-password").status()).isEqualTo(200);
    writeUsers("registry");
  }

  /** What a browser does: fetch the form (session cookie, CSRF token), post it back. */
  static HttpResponse<String> signIn(HttpClient browser, String username, String password) throws Exception {
    HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
    assertThat(csrf.find()).as(form.body()).isTrue();
    String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    // A bound on each answer: a request the server never answers fails the test instead of hanging the build.
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

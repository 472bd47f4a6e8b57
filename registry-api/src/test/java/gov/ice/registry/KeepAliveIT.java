package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.TestUsers;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A browser or script keeps its connection open and sends the next request as soon as it has
 * read an answer, while the server may still be finishing that answer on another thread. Every
 * such request must be read and answered (see {@code KeepAliveReads}): before the fix about one
 * form sign-in in twenty on a kept-alive connection was never answered.
 */
class KeepAliveIT extends H2Registry {

  private static final int ROUNDS = 150;
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Test
  void answersEveryRequestOnOneKeptAliveConnection() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    String basic = "Basic " + Base64.getEncoder().encodeToString(
        (TestUsers.IGP + ":" + TestUsers.passwordOf(TestUsers.IGP)).getBytes(StandardCharsets.UTF_8));
    List<String> unanswered = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      HttpResponse<String> form = send(browser, request("/login").GET(), unanswered, round + " GET /login");
      if (form == null) {
        continue;
      }
      Matcher csrf = CSRF.matcher(form.body());
      assertThat(csrf.find()).as(form.body()).isTrue();
      String body = "username=" + TestUsers.IGP + "&password=wrong-" + round
          + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
      HttpResponse<String> refused = send(browser, request("/login")
          .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)),
          unanswered, round + " POST /login");
      if (refused != null) {
        assertThat(refused.statusCode()).isEqualTo(401);
      }
      HttpResponse<String> list = send(browser, request("/api/agreements?size=1").header("Authorization", basic).GET(),
          unanswered, round + " GET /api/agreements");
      if (list != null) {
        assertThat(list.statusCode()).isEqualTo(200);
        RegistryClient.checked(list);
      }
    }
    assertThat(unanswered).as("requests never answered of %d rounds", ROUNDS).isEmpty();
  }

  private HttpRequest.Builder request(String path) {
    // A bound on each answer: an unanswered request fails this test instead of hanging the build.
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10));
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request, List<String> unanswered, String what)
      throws Exception {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.net.http.HttpTimeoutException e) {
      unanswered.add(what);
      return null;
    }
  }
}

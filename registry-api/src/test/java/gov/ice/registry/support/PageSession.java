package gov.ice.registry.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's session on the pages without a browser: a cookie jar signed in through the form as a
 * browser does (GET /login for the CSRF token, POST /login), redirects not followed so a test sees
 * them.
 */
public final class PageSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient client;
  private final String base;

  private PageSession(HttpClient client, String base) {
    this.client = client;
    this.base = base;
  }

  public static PageSession signIn(int port, String username) throws Exception {
    String base = "http://localhost:" + port;
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    PageSession session = new PageSession(client, base);
    String token = csrf(session.get("/login").body());
    HttpResponse<String> signedIn = session.post("/login",
        "username=" + enc(username) + "&password=" + enc(TestUsers.passwordOf(username)) + "&_csrf=" + enc(token));
    assertThat(signedIn.statusCode() / 100).as(signedIn.body()).isEqualTo(3);
    assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("/login");
    return session;
  }

  public HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Accept", "text/html")
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form ({@code application/x-www-form-urlencoded}, already encoded). */
  public HttpResponse<String> post(String path, String form) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a multipart form (a file upload), as a browser does without JavaScript. */
  public HttpResponse<String> postMultipart(String path, Multipart form) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", form.contentType()).header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The CSRF token of the first form on a page. */
  public static String csrf(String html) {
    Matcher matcher = CSRF.matcher(html);
    assertThat(matcher.find()).as(html).isTrue();
    return matcher.group(1);
  }

  public static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

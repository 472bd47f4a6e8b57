package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.support.TestUsers;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Signing in on the pages starts a new session: a new session id, and a new CSRF token. The
 * token of the anonymous session (the one the sign-in form carried) is refused afterwards, so a
 * token an attacker read or planted before the victim signed in is worth nothing after it.
 */
class SignInSessionIT extends H2Registry {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Test
  void theAnonymousSessionsCsrfTokenIsRefusedAfterSignInAndTheNewOneWorks() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> form = get(browser, "/login");
    String beforeSignIn = csrf(form);
    String anonymousSession = session(cookies);

    HttpResponse<String> signedIn = post(browser, "/login", "username=" + TestUsers.PROGRAM_OFFICE
        + "&password=" + enc(TestUsers.passwordOf(TestUsers.PROGRAM_OFFICE)) + "&_csrf=" + enc(beforeSignIn));
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
    assertThat(session(cookies)).as("a new session id at sign-in").isNotEqualTo(anonymousSession);

    HttpResponse<String> withOldToken = post(browser, "/logout", "_csrf=" + enc(beforeSignIn));
    assertThat(withOldToken.statusCode()).as("the sign-in page's token after sign-in").isEqualTo(403);
    HttpResponse<String> stillSignedIn = get(browser, "/");
    assertThat(stillSignedIn.statusCode()).as("the refused sign-out did nothing").isEqualTo(200);

    String afterSignIn = csrf(stillSignedIn);
    HttpResponse<String> withNewToken = post(browser, "/logout", "_csrf=" + enc(afterSignIn));
    assertThat(withNewToken.statusCode()).as(withNewToken.body()).isBetween(300, 399);
    assertThat(withNewToken.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?signedOut"));
    assertThat(get(browser, "/").statusCode()).as("signed out: back to the sign-in page").isBetween(300, 399);
  }

  private static String csrf(HttpResponse<String> page) {
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).as("a CSRF token in " + page.body()).isTrue();
    return csrf.group(1);
  }

  private static String session(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("REGISTRY_SESSION"))
        .map(HttpCookie::getValue).findFirst().orElse("");
  }

  private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(HttpClient browser, String path, String form) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

package gov.ice.registry.bench;

import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A bulk import as a client sends it: JSON lines, one import body a line, as IGP. */
final class Ndjson {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private Ndjson() {}

  static Response post(RegistryClient client, String path, String lines) {
    String credentials = TestUsers.IGP + ":" + TestUsers.passwordOf(TestUsers.IGP);
    HttpRequest request = HttpRequest.newBuilder(URI.create(client.baseUrl() + path))
        .timeout(Duration.ofMinutes(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(lines))
        .build();
    try {
      return new Response(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("POST " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

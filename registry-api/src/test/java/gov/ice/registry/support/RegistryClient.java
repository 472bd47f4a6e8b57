package gov.ice.registry.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A plain HTTP client for the registry, as an outside client sees it: real requests over a
 * socket, HTTP Basic as one of the example users, raw JSON bodies. Every answer is held to the
 * committed OpenAPI document ({@link OpenApiResponses}): a test fails on the first departure.
 */
public final class RegistryClient {

  public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private final String baseUrl;
  private final HttpClient http;

  public RegistryClient(int port) {
    this("http://localhost:" + port);
  }

  public RegistryClient(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Request as(String username) {
    return new Request(username, TestUsers.passwordOf(username), new LinkedHashMap<>());
  }

  public Request anonymous() {
    return new Request(null, null, new LinkedHashMap<>());
  }

  public final class Request {

    private final String username;
    private final String password;
    private final Map<String, String> headers;
    private final Duration timeout;

    private Request(String username, String password, Map<String, String> headers) {
      this(username, password, headers, Duration.ofSeconds(30));
    }

    private Request(String username, String password, Map<String, String> headers, Duration timeout) {
      this.username = username;
      this.password = password;
      this.headers = headers;
      this.timeout = timeout;
    }

    /** How long to wait for the answer; a poll uses a short one so one stuck attempt does not use up its window. */
    public Request timeout(Duration timeout) {
      return new Request(username, password, headers, timeout);
    }

    public Request ifMatch(String etag) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put("If-Match", etag);
      return new Request(username, password, more, timeout);
    }

    public Request header(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Request(username, password, more, timeout);
    }

    public Response get(String path) {
      return send("GET", path, null);
    }

    public Response post(String path, Object body) {
      return send("POST", path, body);
    }

    public Response put(String path, Object body) {
      return send("PUT", path, body);
    }

    /** {@code body} is sent as is when it is a String (malformed JSON, for example), else as JSON. */
    public Response send(String method, String path, Object body) {
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        if (username != null) {
          String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
          request.header("Authorization", "Basic " + token);
        }
        headers.forEach(request::header);
        if (body == null) {
          request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
          String json = body instanceof String raw ? raw : JSON.writeValueAsString(body);
          request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        Response response = new Response(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        OpenApiResponses.committed().check(method, path, response);
        return response;
      } catch (IOException e) {
        throw new IllegalStateException(method + " " + path + " failed: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * An answer a test got by other means than this client (its own HttpClient for a body this
   * client does not send: raw bytes, JSON lines, CSV), held to the committed document alike.
   */
  public static Response checked(HttpResponse<String> answer) {
    Response response = new Response(answer);
    URI uri = answer.request().uri();
    OpenApiResponses.committed().check(answer.request().method(), uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
        response);
    return response;
  }

  /** A response with its body parsed as JSON where it is JSON. */
  public record Response(int status, Map<String, java.util.List<String>> headers, String text, JsonNode json) {

    public Response(HttpResponse<String> response) {
      this(response.statusCode(), response.headers().map(), response.body(), parse(response.body()));
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    public String etag() {
      return header("ETag").orElseThrow(() -> new AssertionError("no ETag in " + this));
    }

    public String contentType() {
      return header("Content-Type").orElse("");
    }

    public String id() {
      return json.path("id").asText();
    }

    @Override
    public String toString() {
      return status + " " + text;
    }

    private static JsonNode parse(String body) {
      if (body == null || body.isBlank()) {
        return MissingNode.getInstance();
      }
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        return MissingNode.getInstance();
      }
    }
  }
}

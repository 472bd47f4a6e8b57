package gov.ice.registry.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** A document upload as a browser or curl sends it: multipart/form-data with a file and fields. */
public final class Multipart {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String boundary = "----registry-test-" + UUID.randomUUID();
  private final Map<String, String> fields = new LinkedHashMap<>();
  private String fileName;
  private String fileType;
  private byte[] file;

  public Multipart field(String name, Object value) {
    fields.put(name, String.valueOf(value));
    return this;
  }

  public Multipart file(String name, String type, byte[] bytes) {
    this.fileName = name;
    this.fileType = type;
    this.file = bytes;
    return this;
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fields.forEach((name, value) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
        + value + "\r\n"));
    if (file != null) {
      write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
          + (fileType == null ? "" : "Content-Type: " + fileType + "\r\n") + "\r\n");
      out.writeBytes(file);
      write(out, "\r\n");
    }
    write(out, "--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Posts the form as {@code username} (HTTP Basic); {@code chunked} sends it without a Content-Length. */
  public RegistryClient.Response post(RegistryClient registry, String username, String path, boolean chunked) {
    byte[] body = body();
    Supplier<InputStream> stream = () -> new java.io.ByteArrayInputStream(body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.baseUrl() + path))
        .header("Content-Type", contentType())
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (username + ":" + TestUsers.passwordOf(username)).getBytes(StandardCharsets.UTF_8)))
        .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(stream) : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      return RegistryClient.checked(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new IllegalStateException("POST " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public RegistryClient.Response post(RegistryClient registry, String username, String path) {
    return post(registry, username, path, false);
  }

  /** Downloads {@code path} as bytes, with the headers; the answer is held to the committed document. */
  public static HttpResponse<byte[]> download(RegistryClient registry, String username, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(registry.baseUrl() + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (username + ":" + TestUsers.passwordOf(username)).getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    try {
      HttpResponse<byte[]> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      // Bytes of a document are checked for their status, headers and media type; a JSON answer (a problem, the evidence) in full.
      String text = new String(answer.body(), StandardCharsets.UTF_8);
      OpenApiResponses.committed().check("GET", path,
          new RegistryClient.Response(answer.statusCode(), answer.headers().map(), text, RegistryClient.JSON.missingNode()));
      return answer;
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Attaches a small PDF as the agreement's executed copy, as the program office: what makes a
   * fully signed agreement ACTIVE (rule {@code EXECUTED_COPY_ON_FILE}).
   */
  public static RegistryClient.Response attachExecutedCopy(RegistryClient registry, String agreementId) {
    RegistryClient.Response attached = new Multipart().field("kind", "EXECUTED_COPY")
        .file("executed-" + agreementId + ".pdf", "application/pdf", SampleDocuments.pdf("Executed copy of agreement " + agreementId))
        .post(registry, TestUsers.PROGRAM_OFFICE, "/api/agreements/" + agreementId + "/documents");
    if (attached.status() != 201) {
      throw new IllegalStateException("the executed copy was not attached: " + attached);
    }
    return attached;
  }
}

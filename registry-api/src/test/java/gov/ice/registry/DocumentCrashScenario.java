package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.Multipart;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.RegistryProcess;
import gov.ice.registry.support.SampleDocuments;
import gov.ice.registry.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of the packaged jar while it receives a document: no event names bytes that are not
 * there, the half-received file and any unnamed bytes are swept after the grace period, the
 * document acknowledged before the kill downloads byte for byte, and the restarted registry
 * verifies its ledger and takes uploads again.
 */
abstract class DocumentCrashScenario {

  @TempDir
  Path logs;

  /** The environment that points the registry at its store and data directory; the same for both runs. */
  abstract Map<String, String> store();

  /** The data directory {@link #store()} names: the upload directory is {@code uploads} inside it. */
  abstract Path dataDir();

  /** The SHA-256 of every content row of the ledger's database, read after the registry stopped. */
  abstract Set<String> storedContent() throws Exception;

  @Test
  void aKilledUploadLeavesNoEventAndNoOrphanBytesAfterTheSweep() throws Exception {
    Map<String, String> environment = new HashMap<>(store());
    // The sweep runs every two seconds and removes what is older than twenty: the test waits seconds, not a day. The grace
    // must outlast an upload's way from its last byte to the store (the type check reads the file again), even on a busy machine.
    environment.put("REGISTRY_DOCUMENTS_ORPHAN_GRACE", "PT20S");
    environment.put("REGISTRY_DOCUMENTS_SWEEP_INTERVAL", "PT2S");
    Path uploads = dataDir().resolve("uploads");
    byte[] acknowledgedBytes = SampleDocuments.pdf("Annex acknowledged before the crash");
    String id;
    String acknowledged;
    CountDownLatch killed = new CountDownLatch(1);
    try (RegistryProcess registry = RegistryProcess.start(environment, logs.resolve("first.log"))) {
      RegistryClient client = registry.client();
      Response drafted = client.as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
      assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
      id = drafted.id();
      Response attached = new Multipart().field("kind", "ANNEX").file("annex.pdf", "application/pdf", acknowledgedBytes)
          .post(client, TestUsers.PROGRAM_OFFICE, "/api/agreements/" + id + "/documents");
      assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
      acknowledged = attached.json().path("sha256").asText();

      CompletableFuture<HttpResponse<String>> halfSent = startUploadThatStopsHalfway(registry.port(), id, killed);
      await("the registry has received part of the file").atMost(Duration.ofSeconds(120))
          .until(() -> partFiles(uploads).stream().anyMatch(p -> p.toFile().length() > 0));
      registry.kill();
      killed.countDown();
      assertThat(halfSent).as("an upload cut by the kill is never acknowledged").failsWithin(Duration.ofSeconds(60));
    }
    assertThat(partFiles(uploads)).as("the kill left the half-received file behind").isNotEmpty();

    String afterRestart;
    try (RegistryProcess restarted = RegistryProcess.start(environment, logs.resolve("second.log"))) {
      RegistryClient client = restarted.client();
      List<String> types = new ArrayList<>();
      client.as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history").json().forEach(e -> types.add(e.path("type").asText()));
      assertThat(types).as("only the acknowledged document was recorded").containsOnlyOnce("DocumentAttached");
      Response listed = client.as(TestUsers.IGP).get("/api/agreements/" + id + "/documents");
      assertThat(listed.json().path("items")).hasSize(1);
      String documentId = listed.json().path("items").get(0).path("id").asText();
      HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(client.baseUrl() + "/api/agreements/" + id + "/documents/" + documentId))
          .header("Authorization", basic(TestUsers.IGP)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(sha256(download.body())).isEqualTo(acknowledged);

      await("the sweep removed the half-received file").atMost(Duration.ofSeconds(180)).until(() -> partFiles(uploads).isEmpty());
      Response verified = client.as(TestUsers.AUDITOR).get("/api/ledger/verify");
      assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
      assertThat(verified.json().path("verified").asBoolean()).as(verified.toString()).isTrue();

      Response again = new Multipart().field("kind", "CORRESPONDENCE")
          .file("letter.pdf", "application/pdf", SampleDocuments.pdf("A letter after the restart"))
          .post(client, TestUsers.PROGRAM_OFFICE, "/api/agreements/" + id + "/documents");
      assertThat(again.status()).as("the restarted registry takes uploads: " + again).isEqualTo(201);
      afterRestart = again.json().path("sha256").asText();
    }
    assertThat(storedContent()).as("the ledger's database holds exactly the bytes its events name")
        .containsExactlyInAnyOrder(acknowledged, afterRestart);
  }

  /**
   * Sends the form's head and 2 MB of a file, then holds the request open (as a slow or stalled
   * client does) until the registry has been killed.
   */
  private static CompletableFuture<HttpResponse<String>> startUploadThatStopsHalfway(int port, String id, CountDownLatch killed) {
    String boundary = "----registry-crash-" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nANNEX\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"never-finished.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(body, (byte) 'x');
    InputStream stalls = new InputStream() {
      @Override
      public int read() throws IOException {
        try {
          killed.await(180, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("the client gives up once the registry is gone");
      }
    };
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/agreements/" + id + "/documents"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", basic(TestUsers.PROGRAM_OFFICE))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
            new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head), new ByteArrayInputStream(body)), stalls)))
        .build();
    return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private static List<Path> partFiles(Path uploads) throws IOException {
    List<Path> parts = new ArrayList<>();
    if (!Files.isDirectory(uploads)) {
      return parts;
    }
    try (DirectoryStream<Path> found = Files.newDirectoryStream(uploads, "upload-*.part")) {
      found.forEach(parts::add);
    }
    return parts;
  }

  private static String basic(String username) {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + TestUsers.passwordOf(username)).getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}

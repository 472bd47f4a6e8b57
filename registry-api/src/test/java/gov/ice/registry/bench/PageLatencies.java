package gov.ice.registry.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import gov.ice.registry.support.TestUsers;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * The web pages' render time, as a browser gets them: each user signs in through the form (GET
 * {@code /login} for the CSRF token and the session cookie, POST {@code /login}), then each page
 * is fetched with that session, p50 and p99 on loopback (the server's render plus one local
 * round trip). Beside them, in the same run, the raw read store's read of one page: 20 documents
 * of N, sorted by title, with the count, straight over the wire protocol into the backend the
 * registry uses.
 */
final class PageLatencies {

  static final String GOAL = "< 100 ms";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private PageLatencies() {}

  static void measure(Table table, String baseUrl, String agreementId, int samples, long agreements) throws Exception {
    Map<String, String[]> pages = new LinkedHashMap<>();
    pages.put("web page /", new String[] {TestUsers.IGP, "/"});
    pages.put("web page /agreements/{id}", new String[] {TestUsers.IGP, "/agreements/" + agreementId});
    pages.put("web page /agreements/{id}, auditor (history, verification)", new String[] {TestUsers.AUDITOR, "/agreements/" + agreementId});
    pages.put("web page /reviews", new String[] {TestUsers.IGP, "/reviews"});
    pages.put("web page /deadlines/exigent", new String[] {TestUsers.IGP, "/deadlines/exigent"});
    pages.put("web page /audit/approvals", new String[] {TestUsers.AUDITOR, "/audit/approvals"});
    // Each role's landing page: its work queue (the program office's holds every review due or overdue).
    pages.put("web page /work, program office", new String[] {TestUsers.PROGRAM_OFFICE, "/work"});
    pages.put("web page /work, IGP", new String[] {TestUsers.IGP, "/work"});
    pages.put("web page /work, stakeholder OPLA", new String[] {TestUsers.OPLA, "/work"});
    pages.put("web page /work, signatory HSI_EAD", new String[] {"sig-hsi-ead", "/work"});
    pages.put("web page /work, Director", new String[] {TestUsers.DIRECTOR, "/work"});
    pages.put("web page /reports/cycle-time, IGP", new String[] {TestUsers.IGP, "/reports/cycle-time"});
    Map<String, HttpClient> sessions = new LinkedHashMap<>();
    for (String[] page : pages.values()) {
      if (!sessions.containsKey(page[0])) {
        sessions.put(page[0], signIn(baseUrl, page[0]));
      }
    }
    double[] raw = rawRead(agreements, samples);
    table.addLatency("raw read store: 20 of " + agreements + " documents by title, with the count", raw[0], raw[1], "");
    for (Map.Entry<String, String[]> page : pages.entrySet()) {
      HttpClient session = sessions.get(page.getValue()[0]);
      String path = page.getValue()[1];
      HttpResponse<String> probe = get(session, baseUrl, path);
      if (probe.statusCode() != 200) {
        table.add("H2", page.getKey() + ": " + path + " answered " + probe.statusCode() + " after signing in", Double.NaN, null, null,
            null, GOAL);
        continue;
      }
      for (int i = 0; i < Math.max(5, samples / 10); i++) {
        get(session, baseUrl, path);
      }
      long[] nanos = new long[samples];
      for (int i = 0; i < samples; i++) {
        long start = System.nanoTime();
        HttpResponse<String> response = get(session, baseUrl, path);
        nanos[i] = System.nanoTime() - start;
        if (response.statusCode() != 200) {
          throw new IllegalStateException(path + " answered " + response.statusCode() + " while timed");
        }
      }
      Arrays.sort(nanos);
      table.addLatency(page.getKey() + " (" + probe.body().length() / 1024 + " KB, signed in through the form)", nanos[nanos.length / 2] / 1e6,
          nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.99) - 1)] / 1e6, GOAL);
    }
  }

  /** A cookie jar holding a page session of {@code username}, signed in as a browser does. */
  static HttpClient signIn(String baseUrl, String username) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<String> form = get(client, baseUrl, "/login");
    Matcher csrf = CSRF.matcher(form.body());
    if (form.statusCode() != 200 || !csrf.find()) {
      throw new IllegalStateException("GET /login answered " + form.statusCode() + " without a CSRF token");
    }
    String body = "username=" + enc(username) + "&password=" + enc(TestUsers.passwordOf(username)) + "&_csrf=" + enc(csrf.group(1));
    HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    String location = signedIn.headers().firstValue("Location").orElse("");
    if (signedIn.statusCode() / 100 != 3 || location.contains("/login")) {
      throw new IllegalStateException("POST /login as " + username + " answered " + signedIn.statusCode() + " to " + location);
    }
    return client;
  }

  private static HttpResponse<String> get(HttpClient client, String baseUrl, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).header("Accept", "text/html")
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** p50 and p99 in ms of the raw read store's read of one page of 20 of {@code documents}, sorted by title, with the count. */
  static double[] rawRead(long documents, int samples) throws Exception {
    MongoServer server = new MongoServer(backend());
    InetSocketAddress address = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      MongoCollection<Document> collection = client.getDatabase("bench").getCollection("pages");
      collection.createIndex(Indexes.ascending("title"));
      String purpose = "Share law enforcement information with the Texas Department of Public Safety. ".repeat(8);
      for (long offset = 0; offset < documents; offset += 1_000) {
        List<Document> batch = new ArrayList<>();
        for (long i = offset; i < Math.min(documents, offset + 1_000); i++) {
          batch.add(new Document("_id", "agreement-" + i).append("version", 1L).append("status", "ACTIVE")
              .append("title", "Sharing of information with party " + i).append("purpose", purpose)
              .append("categories", List.of("LAW_ENFORCEMENT")).append("partyKinds", List.of("STATE")).append("countries", List.of("US")));
        }
        collection.insertMany(batch, new InsertManyOptions().ordered(false));
      }
      for (int i = 0; i < Math.max(5, samples / 10); i++) {
        readPage(collection);
      }
      long[] nanos = new long[samples];
      for (int i = 0; i < samples; i++) {
        long start = System.nanoTime();
        readPage(collection);
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      return new double[] {nanos[nanos.length / 2] / 1e6, nanos[(int) Math.min(nanos.length - 1, Math.ceil(nanos.length * 0.99) - 1)] / 1e6};
    } finally {
      server.shutdownNow();
    }
  }

  private static void readPage(MongoCollection<Document> collection) {
    List<Document> page = collection.find().sort(Sorts.ascending("title")).limit(20).into(new ArrayList<>());
    long count = collection.countDocuments();
    if (page.size() != Math.min(20, count)) {
      throw new IllegalStateException("the raw read answered " + page.size() + " of " + count);
    }
  }

  static de.bwaldvogel.mongo.MongoBackend backend() throws Exception {
    try {
      Class<?> h2 = Class.forName("de.bwaldvogel.mongo.backend.h2.H2Backend");
      Path file = Files.createTempFile("raw-page-store-", ".mv");
      Files.delete(file);
      return (de.bwaldvogel.mongo.MongoBackend) h2.getConstructor(String.class).newInstance(file.toString());
    } catch (ClassNotFoundException memoryOnly) {
      return new MemoryBackend();
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * Only the page lines at N agreements: the packaged registry on a fresh data directory, loaded
   * through the HTTP import, then {@link #measure}. {@code --agreements N --samples K}.
   */
  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Table table = new Table();
    java.time.Instant started = java.time.Instant.now();
    String loadBefore = RegistryBenchmark.uptime();
    String running = System.getProperty("pages.baseUrl");
    if (running != null) {
      // A registry already loaded (for example by a run of this class still importing): measure it as it is.
      var client = new gov.ice.registry.support.RegistryClient(running);
      var first = client.as(TestUsers.IGP).get("/api/agreements?size=1&sort=title");
      long total = first.json().path("total").asLong();
      String id = first.json().path("items").get(0).path("id").asText();
      measure(table, running, id, options.samples(), total);
      table.print(System.out, new Options(total, options.stores(), options.seconds(), options.samples(), options.importRows(),
          options.rawBulkDocuments(), options.catchUpMinutes(), options.verifyEvents(), options.serverJvm(), options.only(), options.data(), options.loadMinutes(), options.documents()), started, loadBefore,
          RegistryBenchmark.uptime());
      return;
    }
    Path data = Files.createTempDirectory("registry-pages-bench-");
    try (RegistryBenchmark.Server server = RegistryBenchmark.Server.start(Map.of("REGISTRY_DATA_DIR", data.toString()), options)) {
      var client = server.client();
      AgreementMix mix = new AgreementMix(20_260_000L);
      List<String> ids = new ArrayList<>();
      long loadStart = System.nanoTime();
      for (long from = 1; from <= options.agreements(); from += 500) {
        StringBuilder lines = new StringBuilder();
        for (long n = from; n < Math.min(options.agreements() + 1, from + 500); n++) {
          lines.append(mix.importBody(n)).append('\n');
        }
        var report = Ndjson.post(client, "/api/agreements/imports", lines.toString());
        if (report.status() / 100 != 2 || report.json() == null || report.json().path("totals").path("rejected").asLong() > 0) {
          throw new IllegalStateException("bulk import answered " + report);
        }
        report.json().path("rows").forEach(row -> {
          if (row.hasNonNull("id")) {
            ids.add(row.path("id").asText());
          }
        });
      }
      table.add("H2", "load of " + options.agreements() + " agreements (POST /api/agreements/imports, 500 a request), agreements/s",
          options.agreements() / RegistryBenchmark.seconds(loadStart), null, null, null, "");
      String id = ids.get(ids.size() / 2);
      long deadline = System.nanoTime() + Duration.ofMinutes(options.catchUpMinutes()).toNanos();
      while (System.nanoTime() < deadline
          && client.as(TestUsers.IGP).get("/api/agreements?size=1").json().path("total").asLong() < options.agreements()) {
        java.util.concurrent.TimeUnit.MILLISECONDS.sleep(500);
      }
      measure(table, client.baseUrl(), id, options.samples(), options.agreements());
    }
    table.print(System.out, options, started, loadBefore, RegistryBenchmark.uptime());
  }
}

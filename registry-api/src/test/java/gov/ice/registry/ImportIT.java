package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.TestUsers;
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
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk import over real HTTP into the embedded default: JSON lines and a spreadsheet's CSV, a
 * report per row, every problem of a rejected row, dry runs that store nothing (counted in the
 * event table), and idempotence by external reference on both import endpoints.
 */
class ImportIT extends H2Registry {

  static final String CSV_HEADER = "externalReference,title,kind,owningDirectorate,parties,categories,pii,marking,novelLegalIssue,"
      + "purpose,useAlignment,authorities,missionNeeds,sharingRequirements,dataDescription,responsibilities,systems,"
      + "pointsOfContact,safeguards,retention,classificationMarkings,dissemination,auditReporting,effectiveDate,terminationDate,"
      + "terminationNoticeDays,informationSecurity,disposition,signatures,executedOn,lastReviewedOn";

  @Autowired
  DataSource dataSource;

  @Autowired
  MeterRegistry meters;

  private long storedEvents() {
    return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
  }

  /** An executed agreement as one import body, filed under {@code reference}. */
  static ObjectNode executed(String reference) {
    return AgreementBodies.executed(reference);
  }

  /** The id an import of {@code reference} takes (a name-based UUID, as the registry derives it). */
  static String idOf(String reference) {
    return UUID.nameUUIDFromBytes(("isaa-registry:external-reference:" + reference).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String reference() {
    return "HSI-MOU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private Response postImports(String query, String contentType, byte[] body) throws Exception {
    return postImports(query, contentType, "application/json", body);
  }

  private Response postImports(String query, String contentType, String accept, byte[] body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/agreements/imports" + query))
        .timeout(Duration.ofMinutes(2))
        .header("Accept", accept)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (TestUsers.IGP + ":" + TestUsers.passwordOf(TestUsers.IGP)).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    RegistryClient.checked(response);
    boolean lines = response.headers().firstValue("Content-Type").orElse("").startsWith("application/x-ndjson");
    return new Response(response.statusCode(), response.headers().map(), response.body(),
        response.body().isBlank() || lines ? RegistryClient.JSON.missingNode() : RegistryClient.JSON.readTree(response.body()));
  }

  private static byte[] jsonLines(Object... rows) {
    return Stream.of(rows).map(Object::toString).collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void importsJsonLinesReportingEveryProblemOfARejectedRowWithoutStoppingTheOthers() throws Exception {
    String first = reference();
    String second = reference();
    ObjectNode bad = executed(reference());
    bad.remove("title");
    bad.put("kind", "GALACTIC_TREATY");
    ((ObjectNode) bad.get("dataProfile")).put("pii", "yes");
    ((ObjectNode) bad.get("terms")).put("terminationNoticeDays", 3.5);
    ((ObjectNode) bad.get("parties").get(0)).put("name", "");

    Response report = postImports("", "application/x-ndjson", jsonLines(executed(first), bad, "", "{not json", executed(second)));

    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    JsonNode rows = report.json().path("rows");
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).path("outcome").asText()).isEqualTo("IMPORTED");
    assertThat(rows.get(0).path("line").asInt()).isEqualTo(1);
    assertThat(rows.get(1).path("outcome").asText()).isEqualTo("REJECTED");
    assertThat(rows.get(1).path("line").asInt()).isEqualTo(2);
    assertThat(rows.get(1).path("problems").findValuesAsText("field"))
        .contains("title", "kind", "dataProfile.pii", "terms.terminationNoticeDays", "parties[0].name");
    assertThat(rows.get(2).path("outcome").asText()).isEqualTo("REJECTED");
    assertThat(rows.get(2).path("line").asInt()).isEqualTo(4);
    assertThat(rows.get(3).path("outcome").asText()).isEqualTo("IMPORTED");
    assertThat(report.json().path("totals").path("imported").asInt()).isEqualTo(2);
    assertThat(report.json().path("totals").path("rejected").asInt()).isEqualTo(2);

    String id = rows.get(0).path("id").asText();
    Response agreement = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id);
    assertThat(agreement.json().path("status").asText()).isEqualTo("ACTIVE");
    assertThat(agreement.json().path("externalReference").asText()).isEqualTo(first);
  }

  @Test
  void reimportingTheSameReferencesChangesNothing() throws Exception {
    byte[] file = jsonLines(executed(reference()), executed(reference()));
    Response first = postImports("", "application/x-ndjson", file);
    assertThat(first.json().path("totals").path("imported").asInt()).as(first.toString()).isEqualTo(2);
    long before = storedEvents();

    Response again = postImports("", "application/x-ndjson", file);

    assertThat(again.json().path("totals").path("alreadyImported").asInt()).as(again.toString()).isEqualTo(2);
    assertThat(again.json().path("rows").findValuesAsText("id")).isEqualTo(first.json().path("rows").findValuesAsText("id"));
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void aDryRunReportsWhatWouldHappenAndStoresNothing() throws Exception {
    String existing = reference();
    postImports("", "application/x-ndjson", jsonLines(executed(existing)));
    ObjectNode bad = executed(reference()).put("executedOn", "1800-01-01");
    long before = storedEvents();

    Response dryRun = postImports("?dryRun=true", "application/x-ndjson", jsonLines(executed(reference()), executed(existing), bad));

    assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
    assertThat(dryRun.json().path("rows").findValuesAsText("outcome")).containsExactly("WOULD_IMPORT", "ALREADY_IMPORTED", "REJECTED");
    assertThat(dryRun.json().path("totals").path("wouldImport").asInt()).isEqualTo(1);
    assertThat(storedEvents()).isEqualTo(before);
  }

  /**
   * A dry run applies every rule the real run applies: the handbook's (an executed agreement
   * without ICE's signature), references already in the ledger and references repeated in the
   * file. Its report is the real run's, with WOULD_IMPORT for IMPORTED.
   */
  @Test
  void aDryRunAppliesTheHandbooksRulesAndFindsReferencesRepeatedInTheFile() throws Exception {
    String existing = reference();
    postImports("", "application/x-ndjson", jsonLines(executed(existing)));
    String fresh = reference();
    ObjectNode unsigned = executed(reference());
    ((com.fasterxml.jackson.databind.node.ArrayNode) unsigned.get("signatures")).remove(0);
    byte[] file = jsonLines(executed(fresh), unsigned, executed(existing), executed(fresh));
    long before = storedEvents();

    Response dryRun = postImports("?dryRun=true", "application/x-ndjson", file);

    assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
    JsonNode rows = dryRun.json().path("rows");
    assertThat(rows.findValuesAsText("outcome")).as(dryRun.toString())
        .containsExactly("WOULD_IMPORT", "REJECTED", "ALREADY_IMPORTED", "ALREADY_IMPORTED");
    assertThat(rows.get(1).path("problems").get(0).path("message").asText()).as(dryRun.toString()).isNotBlank();
    assertThat(rows.get(3).path("id").asText()).isEqualTo(rows.get(0).path("id").asText());
    assertThat(rows.get(3).path("problems").get(0).path("message").asText()).contains("line 1");
    assertThat(storedEvents()).isEqualTo(before);

    Response real = postImports("", "application/x-ndjson", file);

    assertThat(real.json().path("rows").findValuesAsText("outcome")).as(real.toString())
        .containsExactly("IMPORTED", "REJECTED", "ALREADY_IMPORTED", "ALREADY_IMPORTED");
    assertThat(real.json().path("rows").get(1).path("problems")).isEqualTo(rows.get(1).path("problems"));
    assertThat(real.json().path("rows").get(0).path("id").asText()).isEqualTo(rows.get(0).path("id").asText());
  }

  /**
   * Rows are committed in chunks: a row the handbook's rules refuse rolls back alone, and the
   * rows beside it in the same chunk are stored, each with its one event.
   */
  @Test
  void aRefusedRowLeavesTheRowsOfItsChunkImported() throws Exception {
    ObjectNode unsigned = executed(reference());
    ((com.fasterxml.jackson.databind.node.ArrayNode) unsigned.get("signatures")).remove(0);
    long before = storedEvents();

    Response report = postImports("", "application/x-ndjson", jsonLines(executed(reference()), unsigned, executed(reference())));

    assertThat(report.json().path("rows").findValuesAsText("outcome")).as(report.toString())
        .containsExactly("IMPORTED", "REJECTED", "IMPORTED");
    assertThat(report.json().path("rows").get(1).path("problems").get(0).path("message").asText()).isNotBlank();
    assertThat(storedEvents()).isEqualTo(before + 2);
    for (int row : new int[] {0, 2}) {
      Response agreement = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + report.json().path("rows").get(row).path("id").asText());
      assertThat(agreement.json().path("status").asText()).as(agreement.toString()).isEqualTo("ACTIVE");
    }
  }

  @Test
  void theSingleImportsDryRunAppliesTheHandbooksRules() {
    ObjectNode unsigned = executed(reference());
    ((com.fasterxml.jackson.databind.node.ArrayNode) unsigned.get("signatures")).remove(0);
    long before = storedEvents();
    Response real = registry().as(TestUsers.IGP).post("/api/agreements/import", unsigned);
    Response dryRun = registry().as(TestUsers.IGP).post("/api/agreements/import?dryRun=true", unsigned);
    assertThat(real.status()).as(real.toString()).isBetween(400, 499);
    assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(real.status());
    assertThat(dryRun.json().path("code").asText()).isEqualTo(real.json().path("code").asText());
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void importsASpreadsheetsCsvWithByteOrderMarkAndCrlf() throws Exception {
    String first = reference();
    String second = reference();
    String rowTemplate = "%s,\"Sharing with the Texas Department of Public Safety, %s\",MOU,HSI,"
        + "Texas Department of Public Safety|STATE|US|FALSE,LAW_ENFORCEMENT,TRUE,CUI,TRUE,"
        + "\"Identify removable aliens; before release.\",Same purpose as the original collection.,8 U.S.C. 1103 and 1357,"
        + "Identify removable aliens before release.,One request at a time.,\"Name, date of birth, A-number.\","
        + "HSI answers within one business day.,LESC over Nlets,"
        + "Jordan Rivera|Section Chief|HSI LESC|jordan.rivera@ice.example|+1-202-555-0142|ICE,"
        + "Need to know; encrypted.,90 days.,CUI,Within the partner only.,Audited quarterly.,2024-03-01,2029-02-28,30,"
        + "FISMA moderate.,Destroyed at the end of retention.,"
        + "ICE|HSI_EAD|Hana Executive|Executive Associate Director|2024-02-27;"
        + "Texas Department of Public Safety||Casey Colonel|Director|2024-03-01,2024-03-01,";
    String csv = "\uFEFF" + CSV_HEADER + "\r\n"
        + String.format(rowTemplate, first, first) + "\r\n"
        + ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"
        + String.format(rowTemplate, second, second).replace(",MOU,", ",MEMO,").replace(",30,", ",thirty,") + "\r\n";

    Response report = postImports("", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    JsonNode rows = report.json().path("rows");
    assertThat(rows).as(report.toString()).hasSize(2);
    assertThat(rows.get(0).path("outcome").asText()).as(report.toString()).isEqualTo("IMPORTED");
    assertThat(rows.get(0).path("line").asInt()).isEqualTo(2);
    assertThat(rows.get(1).path("outcome").asText()).isEqualTo("REJECTED");
    assertThat(rows.get(1).path("line").asInt()).isEqualTo(4);
    assertThat(rows.get(1).path("problems").findValuesAsText("field")).contains("kind", "terms.terminationNoticeDays");

    Response agreement = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + rows.get(0).path("id").asText());
    assertThat(agreement.json().path("title").asText()).isEqualTo("Sharing with the Texas Department of Public Safety, " + first);
    assertThat(agreement.json().path("terms").path("purpose").asText()).isEqualTo("Identify removable aliens; before release.");
    assertThat(agreement.json().path("terms").path("pointsOfContact").get(0).path("organization").asText()).isEqualTo("HSI LESC");
    assertThat(agreement.json().path("signatures")).hasSize(2);
    assertThat(agreement.json().path("dataProfile").path("pii").asBoolean()).isTrue();

    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      Response found = registry().as(TestUsers.IGP).get("/api/agreements?q=" + URLEncoder.encode(first, StandardCharsets.UTF_8));
      List<String> ids = new ArrayList<>(found.json().path("items").findValuesAsText("id"));
      assertThat(ids).containsExactly(rows.get(0).path("id").asText());
      assertThat(found.json().path("items").get(0).path("externalReference").asText()).isEqualTo(first);
    });
  }

  @Test
  void refusesACsvWhoseHeaderNamesAnUnknownColumnBeforeImportingAnything() throws Exception {
    long before = storedEvents();
    Response response = postImports("", "text/csv", (CSV_HEADER + ",favouriteColour\r\nx\r\n").getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("violations").findValuesAsText("field")).contains("header");
    assertThat(response.json().path("detail").asText()).contains("favouriteColour");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void theSingleImportIsIdempotentByReferenceAndHonoursADryRun() {
    String reference = reference();
    long before = storedEvents();
    Response dryRun = registry().as(TestUsers.IGP).post("/api/agreements/import?dryRun=true", executed(reference));
    assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
    assertThat(dryRun.json().path("outcome").asText()).isEqualTo("WOULD_IMPORT");
    assertThat(storedEvents()).isEqualTo(before);

    Response created = registry().as(TestUsers.IGP).post("/api/agreements/import", executed(reference));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    long afterFirst = storedEvents();
    Response again = registry().as(TestUsers.IGP).post("/api/agreements/import", executed(reference));
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.id()).isEqualTo(created.id());
    assertThat(again.header("Location")).hasValue("/api/agreements/" + created.id());
    assertThat(storedEvents()).isEqualTo(afterFirst);
  }

  private void assertRefused(Response response, String field, String detail) {
    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("violations").findValuesAsText("field")).as(response.toString()).contains(field);
    assertThat(response.json().path("detail").asText()).as(response.toString()).contains(detail);
  }

  @Test
  void refusesAnEmptyOrBlankBodyNamingTheProblem() throws Exception {
    long before = storedEvents();
    assertRefused(postImports("", "application/x-ndjson", new byte[0]), "body", "is empty");
    assertRefused(postImports("", "application/x-ndjson", "\n  \r\n\n".getBytes(StandardCharsets.UTF_8)), "body", "only blank lines");
    assertRefused(postImports("", "text/csv", new byte[0]), "body", "is empty");
    assertRefused(postImports("", "text/csv", "\uFEFF".getBytes(StandardCharsets.UTF_8)), "body", "is empty");
    assertRefused(postImports("", "text/csv", (CSV_HEADER + "\r\n").getBytes(StandardCharsets.UTF_8)), "body", "no row");
    assertRefused(postImports("", "text/csv", "\r\n\r\n".getBytes(StandardCharsets.UTF_8)), "body", "no CSV header");
    assertRefused(postImports("", "application/x-ndjson", "application/x-ndjson", new byte[0]), "body", "is empty");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void refusesAHeaderOfAHundredThousandColumnsWithoutReadingIt() throws Exception {
    String header = Stream.generate(() -> "title").limit(100_000).collect(Collectors.joining(","));
    long before = storedEvents();
    assertRefused(postImports("", "text/csv", (header + "\r\nx\r\n").getBytes(StandardCharsets.UTF_8)), "header", "more than");
    assertRefused(postImports("", "text/csv", (CSV_HEADER + ",title\r\nx\r\n").getBytes(StandardCharsets.UTF_8)), "header", "title");
    // A file without its header: the first row is read as one, and its cells name no column.
    assertRefused(postImports("", "text/csv", "HSI-MOU-1,Sharing,MOU\r\n".getBytes(StandardCharsets.UTF_8)), "header", "HSI-MOU-1");
    assertThat(storedEvents()).isEqualTo(before);
  }

  /** Bytes that are not UTF-8 refuse their line or row, named by its number; nothing is stored as U+FFFD. */
  @Test
  void refusesTheLineOrRowThatIsNotUtf8AndImportsTheOthers() throws Exception {
    byte[] bad = {(byte) 0xC3, (byte) 0x28};
    String broken = reference();
    String brokenLine = executed(broken).put("title", "Sharing with @").toString();
    int at = brokenLine.indexOf('@');
    java.io.ByteArrayOutputStream lines = new java.io.ByteArrayOutputStream();
    lines.write(jsonLines(executed(reference())));
    lines.write(brokenLine.substring(0, at).getBytes(StandardCharsets.UTF_8));
    lines.write(bad);
    lines.write((brokenLine.substring(at + 1) + "\n").getBytes(StandardCharsets.UTF_8));
    lines.write(jsonLines(executed(reference())));

    Response report = postImports("", "application/x-ndjson", lines.toByteArray());

    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    assertThat(report.json().path("rows").findValuesAsText("outcome")).containsExactly("IMPORTED", "REJECTED", "IMPORTED");
    assertThat(report.json().path("rows").get(1).path("line").asInt()).isEqualTo(2);
    assertThat(report.json().path("rows").get(1).path("problems").get(0).path("message").asText()).contains("not valid UTF-8");
    assertThat(registry().as(TestUsers.AUDITOR).get("/api/agreements/" + idOf(broken)).status()).isEqualTo(404);

    String good = reference();
    String csvBroken = reference();
    java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
    csv.write(("externalReference,title,kind\r\n" + good + ",Fine,MOU\r\n" + csvBroken + ",\"Bad ").getBytes(StandardCharsets.UTF_8));
    csv.write(bad);
    csv.write((" title\",MOU\r\n").getBytes(StandardCharsets.UTF_8));

    Response csvReport = postImports("?dryRun=true", "text/csv", csv.toByteArray());

    assertThat(csvReport.status()).as(csvReport.toString()).isEqualTo(200);
    JsonNode rows = csvReport.json().path("rows");
    assertThat(rows).as(csvReport.toString()).hasSize(2);
    assertThat(rows.get(0).path("line").asInt()).isEqualTo(2);
    assertThat(rows.get(0).path("problems").toString()).doesNotContain("UTF-8");
    assertThat(rows.get(1).path("line").asInt()).isEqualTo(3);
    assertThat(rows.get(1).path("outcome").asText()).isEqualTo("REJECTED");
    assertThat(rows.get(1).path("problems").get(0).path("message").asText()).contains("not valid UTF-8");
  }

  /** Asked for JSON lines, the report comes one row a line as rows are decided, then the totals; counted by outcome. */
  @Test
  void streamsTheReportAsJsonLinesWhenAskedAndCountsTheRows() throws Exception {
    double importedBefore = meters.counter("registry.imports.rows", "outcome", "imported").count();
    ObjectNode unsigned = executed(reference());
    ((com.fasterxml.jackson.databind.node.ArrayNode) unsigned.get("signatures")).remove(0);

    Response streamed = postImports("", "application/x-ndjson", "application/x-ndjson",
        jsonLines(executed(reference()), unsigned, "{not json", executed(reference())));

    assertThat(streamed.status()).as(streamed.toString()).isEqualTo(200);
    assertThat(streamed.contentType()).startsWith("application/x-ndjson");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : streamed.text().split("\n")) {
      lines.add(RegistryClient.JSON.readTree(line));
    }
    assertThat(lines).as(streamed.text()).hasSize(5);
    assertThat(lines.subList(0, 4).stream().map(l -> l.path("line").asInt()).toList()).containsExactly(1, 2, 3, 4);
    assertThat(lines.subList(0, 4).stream().map(l -> l.path("outcome").asText()).toList())
        .containsExactly("IMPORTED", "REJECTED", "REJECTED", "IMPORTED");
    assertThat(lines.get(4).path("totals").path("imported").asInt()).isEqualTo(2);
    assertThat(lines.get(4).path("totals").path("rejected").asInt()).isEqualTo(2);
    assertThat(lines.get(4).has("interrupted")).isFalse();
    assertThat(meters.counter("registry.imports.rows", "outcome", "imported").count()).isEqualTo(importedBefore + 2);
  }

  /**
   * With 60 active agreements for one partner, a draft with that partner answers the 20 most
   * relevant (the 5 sharing both its categories first), their total, and the search listing all 60.
   */
  @Test
  void aDraftsAnswerListsTheTwentyMostRelevantExistingAgreementsWithTheirTotalAndTheSearch() throws Exception {
    String partner = "Partner " + UUID.randomUUID().toString().substring(0, 8);
    List<Object> rows = new ArrayList<>();
    List<String> bothCategories = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String reference = reference();
      ObjectNode row = executed(reference);
      ((ObjectNode) row.get("parties").get(0)).put("name", partner);
      ((ObjectNode) row.get("signatures").get(1)).put("party", partner);
      if (i % 12 == 0) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) row.get("categories")).add("HOMELAND_SECURITY");
        bothCategories.add(idOf(reference));
      }
      rows.add(row);
    }
    Response imported = postImports("", "application/x-ndjson", jsonLines(rows.toArray()));
    assertThat(imported.json().path("totals").path("imported").asInt()).as(imported.toString()).isEqualTo(60);
    String byPartner = "/api/agreements?status=ACTIVE&party=" + URLEncoder.encode(partner, StandardCharsets.UTF_8).replace("+", "%20");
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
        assertThat(registry().as(TestUsers.IGP).get(byPartner).json().path("total").asInt()).isEqualTo(60));

    ObjectNode draft = AgreementBodies.draft();
    ((ObjectNode) draft.get("parties").get(0)).put("name", partner);
    ((com.fasterxml.jackson.databind.node.ArrayNode) draft.get("categories")).add("HOMELAND_SECURITY");
    Response drafted = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", draft);

    assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
    JsonNode existing = drafted.json().path("existingAgreements");
    assertThat(existing.isArray()).isTrue();
    assertThat(existing).hasSize(20);
    assertThat(drafted.json().path("existingAgreementsTotal").asInt()).isEqualTo(60);
    List<String> shown = existing.findValuesAsText("id");
    assertThat(shown.subList(0, bothCategories.size())).containsExactlyInAnyOrderElementsOf(bothCategories);
    assertThat(existing.get(0).path("parties").toString()).contains(partner);
    assertThat(drafted.text().length()).as("a draft's answer stays small").isLessThan(20_000);
    String search = drafted.json().path("existingAgreementsSearch").asText();
    assertThat(search).startsWith("/api/agreements?status=ACTIVE&party=");
    Response all = registry().as(TestUsers.PROGRAM_OFFICE).get(search);
    assertThat(all.json().path("total").asInt()).as(search + ": " + all).isEqualTo(60);
  }
}

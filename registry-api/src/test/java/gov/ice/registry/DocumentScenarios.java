package gov.ice.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.support.AgreementBodies;
import gov.ice.registry.support.Multipart;
import gov.ice.registry.support.RegistryClient;
import gov.ice.registry.support.RegistryClient.Response;
import gov.ice.registry.support.SampleDocuments;
import gov.ice.registry.support.TestUsers;
import gov.ice.registry.web.position.ReadYourWrites;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Documents through HTTP on whichever ledger database the implementing class runs: attached,
 * listed, downloaded byte for byte, bound to the concurrence on their draft version, refused when
 * hostile, stored once however often they come, and withdrawn by an ADMIN with the ledger still
 * verifying.
 */
public interface DocumentScenarios {

  String PDF = "application/pdf";
  String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  RegistryClient registry();

  /** How many rows hold the bytes whose SHA-256 is {@code sha256} in the ledger's database. */
  int storedCopies(String sha256);

  /** The application's document store, for the sweep. */
  gov.ice.registry.document.DocumentStore documentStore();

  private String draft() {
    Response drafted = registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements", AgreementBodies.draft());
    assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
    return drafted.id();
  }

  private Response attach(String id, String user, String kind, Integer draftVersion, String name, String type, byte[] bytes) {
    Multipart form = new Multipart().field("kind", kind).file(name, type, bytes);
    if (draftVersion != null) {
      form.field("draftVersion", draftVersion);
    }
    return form.post(registry(), user, "/api/agreements/" + id + "/documents");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private int documentCount(String id) {
    return registry().as(TestUsers.IGP).get("/api/agreements/" + id + "/documents").json().path("items").size();
  }

  @Test
  default void attachesDraftTextDownloadsItByteForByteAndBindsTheConcurrenceToIt() throws Exception {
    String id = draft();
    byte[] pdf = SampleDocuments.pdf("The parties share booking records under this memorandum.");

    Response attached = attach(id, TestUsers.PROGRAM_OFFICE, "DRAFT_TEXT", 1, "MOU draft 1.pdf", PDF, pdf);

    assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
    JsonNode document = attached.json();
    assertThat(document.path("sha256").asText()).isEqualTo(sha256(pdf));
    assertThat(document.path("size").asLong()).isEqualTo(pdf.length);
    assertThat(document.path("mediaType").asText()).isEqualTo(PDF);
    assertThat(document.path("filename").asText()).isEqualTo("MOU draft 1.pdf");
    assertThat(document.path("kind").asText()).isEqualTo("DRAFT_TEXT");
    assertThat(document.path("draftVersion").asInt()).isEqualTo(1);
    assertThat(document.path("attachedBy").asText()).isEqualTo(TestUsers.PROGRAM_OFFICE);
    assertThat(attached.header(ReadYourWrites.HEADER)).isPresent();
    assertThat(storedCopies(sha256(pdf))).isEqualTo(1);

    HttpResponse<byte[]> download = Multipart.download(registry(), TestUsers.AUDITOR,
        "/api/agreements/" + id + "/documents/" + document.path("id").asText());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(download.headers().firstValue("Content-Type")).hasValue(PDF);
    assertThat(download.headers().firstValue("ETag")).hasValue("\"" + sha256(pdf) + "\"");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;").contains("MOU");

    Response concurred = registry().as(TestUsers.stakeholder(StakeholderOffice.IGP))
        .post("/api/agreements/" + id + "/concurrences", AgreementBodies.concurrence("IGP", 1));
    assertThat(concurred.status()).as(concurred.toString()).isEqualTo(200);
    JsonNode history = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history").json();
    JsonNode concurrence = null;
    for (JsonNode entry : history.path("entries").isMissingNode() ? history : history.path("entries")) {
      if (entry.path("type").asText().endsWith("StakeholderConcurred")) {
        concurrence = entry;
      }
    }
    assertThat(concurrence).as(history.toString()).isNotNull();
    assertThat(concurrence.path("payload").path("documentSha256").asText()).isEqualTo(sha256(pdf));

    // The approvals audit shows the hash beside the concurrence, in JSON and in CSV.
    String position = concurred.header(ReadYourWrites.HEADER).orElseThrow();
    Response approvals = registry().as(TestUsers.AUDITOR).header(ReadYourWrites.HEADER, position).get("/api/audit/approvals?actor="
        + TestUsers.stakeholder(StakeholderOffice.IGP));
    assertThat(approvals.text()).as(approvals.toString()).contains("\"documentSha256\":\"" + sha256(pdf) + "\"");
    Response csv = registry().as(TestUsers.AUDITOR).header(ReadYourWrites.HEADER, position).get("/api/audit/approvals?format=csv");
    assertThat(csv.text()).contains("documentSha256").contains(sha256(pdf));

    // The evidence bundle names the hash; with the documents it carries the file, which the offline verifier checks.
    HttpResponse<byte[]> evidence = Multipart.download(registry(), TestUsers.AUDITOR, "/api/agreements/" + id + "/evidence?include=documents");
    assertThat(evidence.statusCode()).isEqualTo(200);
    java.util.Map<String, byte[]> entries = new java.util.HashMap<>();
    try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(evidence.body()))) {
      for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        entries.put(entry.getName(), zip.readAllBytes());
      }
    }
    assertThat(entries.get("documents/" + sha256(pdf))).isEqualTo(pdf);
    assertThat(new String(entries.get("SHA256SUMS"), java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo(sha256(pdf) + "  documents/" + sha256(pdf) + "\n");
    String bundle = new String(entries.get("evidence.json"), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(bundle).contains(sha256(pdf));
    java.nio.file.Path documents = java.nio.file.Files.createTempDirectory("evidence-documents-");
    java.nio.file.Files.write(documents.resolve(sha256(pdf)), entries.get("documents/" + sha256(pdf)));
    gov.ice.registry.chain.VerifyBundle.Result verified = gov.ice.registry.chain.VerifyBundle.verifyDocuments(bundle, documents,
        gov.ice.registry.chain.VerifyBundle.verify(bundle, null));
    assertThat(verified.verified()).as(verified.summary()).isTrue();
    assertThat(verified.summary()).contains("1 documents match their SHA-256");
  }

  @Test
  default void acceptsDocxAndPlainTextAndCleansTheFileName() throws Exception {
    String id = draft();
    Response docx = attach(id, TestUsers.PROGRAM_OFFICE, "ANNEX", null, "annex.docx", DOCX, SampleDocuments.docx("Annex A: systems."));
    assertThat(docx.status()).as(docx.toString()).isEqualTo(201);
    assertThat(docx.json().path("mediaType").asText()).isEqualTo(DOCX);

    Response text = attach(id, TestUsers.IGP, "CORRESPONDENCE", null, "../../etc/\u202Egpj.txt", null,
        "A letter from the partner.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(text.status()).as(text.toString()).isEqualTo(201);
    assertThat(text.json().path("mediaType").asText()).isEqualTo("text/plain");
    assertThat(text.json().path("filename").asText()).isEqualTo("gpj.txt");
    assertThat(documentCount(id)).isEqualTo(2);
  }

  @Test
  default void refusesHostileAndUnacceptedFilesWith415AndStoresNothing() throws Exception {
    String id = draft();
    List<Object[]> hostile = List.of(
        new Object[] {"contract.pdf", PDF, SampleDocuments.executable()},
        new Object[] {"contract.pdf", PDF, SampleDocuments.encryptedPdf("secret terms")},
        new Object[] {"annex.docx", DOCX, SampleDocuments.zipBombDocx()},
        new Object[] {"annex.docx", DOCX, SampleDocuments.plainZip()},
        new Object[] {"archive.zip", "application/zip", SampleDocuments.plainZip()},
        new Object[] {"contract.pdf", "text/plain", SampleDocuments.pdf("declared as text")});
    for (Object[] file : hostile) {
      Response refused = attach(id, TestUsers.PROGRAM_OFFICE, "ANNEX", null, (String) file[0], (String) file[1], (byte[]) file[2]);
      assertThat(refused.status()).as(file[0] + " " + refused).isEqualTo(415);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(storedCopies(sha256((byte[]) file[2]))).as(refused.toString()).isZero();
    }
    assertThat(documentCount(id)).isZero();

    // A PDF with a broken cross-reference table is still a PDF: kept, and the service carries on.
    Response badXref = attach(id, TestUsers.PROGRAM_OFFICE, "ANNEX", null, "scan.pdf", PDF, SampleDocuments.pdfWithBadXref("page"));
    assertThat(badXref.status()).as(badXref.toString()).isEqualTo(201);
  }

  @Test
  default void refusesAFileOverTheLimitWith413AsItStreams() {
    String id = draft();
    byte[] big = new byte[26 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    Response refused = new Multipart().field("kind", "ANNEX").file("big.txt", "text/plain", big)
        .post(registry(), TestUsers.PROGRAM_OFFICE, "/api/agreements/" + id + "/documents", true);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(documentCount(id)).isZero();
  }

  @Test
  default void refusesAKindTheRoleMayNotAttachAndAnAuditorAltogether() {
    String id = draft();
    byte[] pdf = SampleDocuments.pdf("signed copy");
    Response signatory = attach(id, TestUsers.signatory(gov.ice.registry.agreement.api.SignatoryAuthority.HSI_EAD), "DRAFT_TEXT", 1,
        "d.pdf", PDF, pdf);
    assertThat(signatory.status()).as(signatory.toString()).isEqualTo(403);
    Response auditor = attach(id, TestUsers.AUDITOR, "ANNEX", null, "d.pdf", PDF, pdf);
    assertThat(auditor.status()).as(auditor.toString()).isEqualTo(403);
    Response noKind = new Multipart().file("d.pdf", PDF, pdf).post(registry(), TestUsers.PROGRAM_OFFICE, "/api/agreements/" + id + "/documents");
    assertThat(noKind.status()).as(noKind.toString()).isEqualTo(400);
  }

  @Test
  default void twoIdenticalUploadsAtOnceLeaveOneStoredCopy() throws Exception {
    String first = draft();
    String second = draft();
    byte[] pdf = SampleDocuments.pdf("identical upload " + java.util.UUID.randomUUID());
    CyclicBarrier start = new CyclicBarrier(2);
    List<CompletableFuture<Response>> uploads = List.of(first, second).stream()
        .map(id -> CompletableFuture.supplyAsync(() -> {
          try {
            start.await(10, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return attach(id, TestUsers.PROGRAM_OFFICE, "ANNEX", null, "same.pdf", PDF, pdf);
        }))
        .toList();
    for (CompletableFuture<Response> upload : uploads) {
      Response answer = upload.get(60, TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }
    assertThat(storedCopies(sha256(pdf))).isEqualTo(1);
  }

  @Test
  default void anAdminWithdrawsContentTheHashStaysAndTheLedgerStillVerifies() throws Exception {
    String id = draft();
    byte[] pdf = SampleDocuments.pdf("content under a court order " + java.util.UUID.randomUUID());
    String documentId = attach(id, TestUsers.PROGRAM_OFFICE, "ANNEX", null, "sealed.pdf", PDF, pdf).json().path("id").asText();
    String path = "/api/agreements/" + id + "/documents/" + documentId;

    Response notAdmin = registry().as(TestUsers.IGP).post(path + "/withdrawal", "{\"reason\":\"court order\"}");
    assertThat(notAdmin.status()).as(notAdmin.toString()).isEqualTo(403);
    Response withdrawn = registry().as(TestUsers.ADMIN).post(path + "/withdrawal", "{\"reason\":\"Sealed by court order 26-cv-0042\"}");
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    assertThat(withdrawn.json().path("sha256").asText()).isEqualTo(sha256(pdf));
    assertThat(withdrawn.json().path("withdrawal").path("reason").asText()).isEqualTo("Sealed by court order 26-cv-0042");
    assertThat(storedCopies(sha256(pdf))).isZero();

    Response gone = registry().as(TestUsers.IGP).get(path);
    assertThat(gone.status()).as(gone.toString()).isEqualTo(410);
    assertThat(gone.contentType()).startsWith("application/problem+json");
    assertThat(gone.json().path("detail").asText()).contains("Sealed by court order 26-cv-0042");
    JsonNode listed = registry().as(TestUsers.IGP).get("/api/agreements/" + id + "/documents").json().path("items").path(0);
    assertThat(listed.path("sha256").asText()).isEqualTo(sha256(pdf));

    Response verified = registry().as(TestUsers.AUDITOR).get("/api/ledger/verify?agreementId=" + id);
    assertThat(verified.json().path("verified").asBoolean()).as(verified.toString()).isTrue();
  }

  @Test
  default void theProgramOfficeAttachesFromThePageAndTheConcurrenceFormShowsTheText() throws Exception {
    String id = draft();
    int port = java.net.URI.create(registry().baseUrl()).getPort();
    gov.ice.registry.support.PageSession office = gov.ice.registry.support.PageSession.signIn(port, TestUsers.PROGRAM_OFFICE);
    String page = office.get("/agreements/" + id).body();
    assertThat(page).contains("id=\"attach-file\"").contains("enctype=\"multipart/form-data\"");
    byte[] pdf = SampleDocuments.pdf("Draft text attached from the page " + java.util.UUID.randomUUID());

    HttpResponse<String> withoutToken = office.postMultipart("/agreements/" + id + "/documents",
        new Multipart().field("kind", "DRAFT_TEXT").field("draftVersion", 1).file("page draft.pdf", PDF, pdf));
    assertThat(withoutToken.statusCode()).isEqualTo(403);

    HttpResponse<String> attached = office.postMultipart("/agreements/" + id + "/documents", new Multipart()
        .field("_csrf", gov.ice.registry.support.PageSession.csrf(page)).field("kind", "DRAFT_TEXT").field("draftVersion", 1)
        .file("page draft.pdf", PDF, pdf));
    assertThat(attached.statusCode()).as(attached.body()).isEqualTo(303);
    String after = office.get("/agreements/" + id).body();
    assertThat(after).contains("page draft.pdf").contains(sha256(pdf));

    HttpResponse<String> refused = office.postMultipart("/agreements/" + id + "/documents", new Multipart()
        .field("_csrf", gov.ice.registry.support.PageSession.csrf(after)).field("kind", "ANNEX")
        .file("tool.pdf", PDF, SampleDocuments.executable()));
    assertThat(refused.statusCode()).isEqualTo(415);
    assertThat(refused.body()).contains("Document type not accepted");

    gov.ice.registry.support.PageSession stakeholder = gov.ice.registry.support.PageSession.signIn(port,
        TestUsers.stakeholder(StakeholderOffice.IGP));
    String concurForm = stakeholder.get("/agreements/" + id).body();
    assertThat(concurForm).contains("id=\"concur-document\"").contains(sha256(pdf));
  }

  @Test
  default void theSweepRemovesBytesNoEventNamesOnlyAfterTheGracePeriod() throws Exception {
    String id = draft();
    byte[] attachedPdf = SampleDocuments.pdf("attached and named by an event " + java.util.UUID.randomUUID());
    assertThat(attach(id, TestUsers.PROGRAM_OFFICE, "ANNEX", null, "kept.pdf", PDF, attachedPdf).status()).isEqualTo(201);
    // Bytes stored by an upload whose command never came (refused, or the instance died in between).
    byte[] orphan = ("orphan " + java.util.UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.nio.file.Path file = java.nio.file.Files.createTempFile("orphan-", ".txt");
    java.nio.file.Files.write(file, orphan);
    assertThat(documentStore().store(file, sha256(orphan), orphan.length)).isTrue();
    assertThat(documentStore().store(file, sha256(orphan), orphan.length)).as("the same bytes again are not stored again").isFalse();

    documentStore().sweepOrphans(java.time.Duration.ofHours(1));
    assertThat(storedCopies(sha256(orphan))).as("within the grace period").isEqualTo(1);

    documentStore().sweepOrphans(java.time.Duration.ZERO);
    assertThat(storedCopies(sha256(orphan))).isZero();
    assertThat(storedCopies(sha256(attachedPdf))).isEqualTo(1);
    assertThat(documentStore().open(sha256(attachedPdf)).orElseThrow().readAllBytes()).isEqualTo(attachedPdf);
  }

  /** Drafted, every required office concurring, cleared by IGP with OPLA's review, and signed by ICE. */
  private String clearedAndSignedByIce() {
    String id = draft();
    Response state = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id);
    state.json().path("requiredStakeholders").forEach(s -> {
      StakeholderOffice office = StakeholderOffice.valueOf(s.path("office").asText());
      assertThat(registry().as(TestUsers.stakeholder(office)).post("/api/agreements/" + id + "/concurrences",
          AgreementBodies.concurrence(office.name(), 1)).status()).isEqualTo(200);
    });
    assertThat(registry().as(TestUsers.PROGRAM_OFFICE).post("/api/agreements/" + id + "/clearance-request", null).status()).isEqualTo(200);
    assertThat(registry().as(TestUsers.IGP).post("/api/agreements/" + id + "/clearance",
        RegistryClient.JSON.createObjectNode().put("decision", "CLEARED").put("comment", "Cleared.")).status()).isEqualTo(200);
    assertThat(registry().as(TestUsers.OPLA).post("/api/agreements/" + id + "/legal-review",
        RegistryClient.JSON.createObjectNode().put("legallySufficient", true).put("comment", "Sufficient.")).status()).isEqualTo(200);
    assertThat(registry().as("sig-hsi-ead").post("/api/agreements/" + id + "/signatures", AgreementBodies.iceSignature("HSI_EAD"))
        .status()).isEqualTo(200);
    return id;
  }

  @Test
  default void anAgreementBecomesActiveOnlyOnceItsExecutedCopyIsOnFileAndTheSearchListsThoseWithout() throws Exception {
    // EXECUTED_COPY_ON_FILE: every signature given, but no executed copy: still CLEARED.
    String id = clearedAndSignedByIce();
    Response signed = registry().as(TestUsers.PROGRAM_OFFICE)
        .post("/api/agreements/" + id + "/signatures", AgreementBodies.partySignature(AgreementBodies.STATE_PARTY));
    assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
    assertThat(signed.json().path("status").asText()).isEqualTo("CLEARED");
    assertThat(registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id).json().path("executedOn").isNull())
        .as("not executed without its copy").isTrue();

    byte[] copy = SampleDocuments.pdf("Executed memorandum of understanding, signed by every party");
    Response attached = attach(id, "sig-hsi-ead", "EXECUTED_COPY", null, "executed.pdf", PDF, copy);
    assertThat(attached.status()).as("a signatory attaches the executed copy: " + attached).isEqualTo(201);
    Response active = registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id);
    assertThat(active.json().path("status").asText()).isEqualTo("ACTIVE");
    String lastSignature = java.util.stream.StreamSupport.stream(active.json().path("signatures").spliterator(), false)
        .map(sig -> sig.path("signedOn").asText()).max(String::compareTo).orElseThrow();
    assertThat(active.json().path("executedOn").asText()).as("executed the day of the last signature").isEqualTo(lastSignature);
    List<String> types = new java.util.ArrayList<>();
    registry().as(TestUsers.AUDITOR).get("/api/agreements/" + id + "/history").json().forEach(e -> types.add(e.path("type").asText()));
    assertThat(types).endsWith("AgreementSigned", "DocumentAttached", "AgreementExecuted");

    // An imported agreement arrives without a copy: the search lists it under executedCopy=false, and counts it.
    String reference = "NOCOPY-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    Response imported = registry().as(TestUsers.IGP).post("/api/agreements/import", AgreementBodies.executed(reference));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
    String position = imported.header(ReadYourWrites.HEADER).orElseThrow();
    Response without = registry().as(TestUsers.IGP).header(ReadYourWrites.HEADER, position)
        .get("/api/agreements?executedCopy=false&size=200");
    assertThat(without.status()).as(without.toString()).isEqualTo(200);
    List<String> withoutIds = new java.util.ArrayList<>();
    without.json().path("items").forEach(item -> withoutIds.add(item.path("id").asText()));
    assertThat(withoutIds).contains(imported.id()).doesNotContain(id);
    assertThat(without.json().path("facets").path("executedCopy").path("false").asLong()).isEqualTo(without.json().path("total").asLong());
    Response with = registry().as(TestUsers.IGP).header(ReadYourWrites.HEADER, position).get("/api/agreements?executedCopy=true&size=200");
    List<String> withIds = new java.util.ArrayList<>();
    with.json().path("items").forEach(item -> withIds.add(item.path("id").asText()));
    assertThat(withIds).contains(id).doesNotContain(imported.id());
    Response all = registry().as(TestUsers.IGP).header(ReadYourWrites.HEADER, position).get("/api/agreements?size=1");
    assertThat(all.json().path("facets").path("executedCopy").path("true").asLong()).isEqualTo(with.json().path("total").asLong());
    assertThat(all.json().path("facets").path("executedCopy").path("false").asLong()).isEqualTo(without.json().path("total").asLong());

    Response bad = registry().as(TestUsers.IGP).get("/api/agreements?executedCopy=maybe");
    assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");

    // The page offers the same filter, with the count.
    gov.ice.registry.support.PageSession igp = gov.ice.registry.support.PageSession.signIn(
        java.net.URI.create(registry().baseUrl()).getPort(), TestUsers.IGP);
    String page = igp.get("/?executedCopy=false&size=200").body();
    assertThat(page).contains("No executed copy on file").contains("Imported agreement " + reference);
  }

  @Test
  default void theDocumentListSaysWhichTextTheSearchHoldsAndWhyNot() throws Exception {
    String id = draft();
    byte[] readable = SampleDocuments.pdf("Quarterly reconciliation of detainer requests");
    byte[] broken = SampleDocuments.pdfWithBadXref("Nothing here can be read");
    assertThat(attach(id, TestUsers.PROGRAM_OFFICE, "ANNEX", null, "annex.pdf", PDF, readable).status()).isEqualTo(201);
    Response brokenAttached = attach(id, TestUsers.PROGRAM_OFFICE, "CORRESPONDENCE", null, "letter.pdf", PDF, broken);
    assertThat(brokenAttached.status()).as(brokenAttached.toString()).isEqualTo(201);
    String position = brokenAttached.header(ReadYourWrites.HEADER).orElseThrow();

    org.awaitility.Awaitility.await("the search read both documents").atMost(java.time.Duration.ofSeconds(60))
        .until(() -> java.util.stream.StreamSupport.stream(registry().as(TestUsers.IGP).header(ReadYourWrites.HEADER, position)
            .get("/api/agreements/" + id + "/documents").json().path("items").spliterator(), false)
            .noneMatch(d -> d.path("textStatus").asText().equals("pending")));
    JsonNode items = registry().as(TestUsers.IGP).get("/api/agreements/" + id + "/documents").json().path("items");
    JsonNode annex = null;
    JsonNode letter = null;
    for (JsonNode d : items) {
      if (d.path("filename").asText().equals("annex.pdf")) {
        annex = d;
      } else if (d.path("filename").asText().equals("letter.pdf")) {
        letter = d;
      }
    }
    assertThat(annex).isNotNull();
    assertThat(letter).isNotNull();
    assertThat(annex.path("textStatus").asText()).isEqualTo("extracted");
    assertThat(annex.path("textReason").isNull()).isTrue();
    if (letter.path("textStatus").asText().equals("text not extracted")) {
      assertThat(letter.path("textReason").asText()).isNotBlank();
    } else {
      // PDFBox repairs a bad cross-reference table where it can: then the text is there.
      assertThat(letter.path("textStatus").asText()).isEqualTo("extracted");
    }
    gov.ice.registry.support.PageSession igp = gov.ice.registry.support.PageSession.signIn(
        java.net.URI.create(registry().baseUrl()).getPort(), TestUsers.IGP);
    assertThat(igp.get("/agreements/" + id).body()).contains("Searchable text").contains("Extracted");

    // The search page shows the passage of the document that matched, marked, with a link to it.
    String search = igp.get("/?q=reconciliation").body();
    assertThat(search).contains("class=\"document-match\"").contains("<mark>reconciliation</mark>")
        .contains("href=\"/agreements/" + id + "/documents/" + annex.path("id").asText()).contains("annex.pdf");
    // The link is the pages' own download: the session opens it, byte for byte the API's answer.
    HttpResponse<String> opened = igp.get("/agreements/" + id + "/documents/" + annex.path("id").asText());
    assertThat(opened.statusCode()).isEqualTo(200);
    assertThat(opened.headers().firstValue("Content-Type").orElseThrow()).startsWith(PDF);
    assertThat(opened.headers().firstValue("ETag").orElseThrow()).contains(annex.path("sha256").asText());
  }
}

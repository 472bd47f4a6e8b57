package gov.ice.registry.projection.repository;

import static gov.ice.registry.agreement.AgreementFixtures.PROGRAM;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.AgreementFixtures.Story;
import gov.ice.registry.agreement.api.DocumentAttached;
import gov.ice.registry.agreement.api.DocumentContentWithdrawn;
import gov.ice.registry.agreement.api.DocumentKind;
import gov.ice.registry.projection.text.DocumentTextExtractor;
import gov.ice.registry.projection.text.DocumentTexts;
import gov.ice.registry.projection.text.TestDocuments;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The free text finds words inside attached documents (a PDF made with PDFBox, a DOCX made with
 * POI), and each result names the documents that matched with a marked passage; a document whose
 * text cannot be read is kept as "text not extracted" with the reason; a withdrawn one is no
 * longer found; a rebuild reads the texts again.
 */
class DocumentSearchTest {

  static final String PDF = "application/pdf";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  final Map<String, byte[]> store = new ConcurrentHashMap<>();

  String put(byte[] bytes) throws Exception {
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    store.put(sha256, bytes);
    return sha256;
  }

  DocumentAttached attached(Story story, String documentId, byte[] bytes, String type, String name) throws Exception {
    return new DocumentAttached(story.id(), documentId, put(bytes), bytes.length, type, name, DocumentKind.EXECUTED_COPY, 1, List.of());
  }

  static AgreementSearch text(String q) {
    return new AgreementSearch(null, null, null, null, null, null, null, q, 0, 20, null);
  }

  @Test
  void findsWordsInsideDocumentsAndNamesTheDocumentWithItsPassage() throws Exception {
    DocumentTexts texts = new DocumentTexts(sha -> Optional.ofNullable(store.get(sha)).map(ByteArrayInputStream::new),
        new DocumentTextExtractor(new DocumentTextExtractor.Limits(2L * 1024 * 1024, 100_000, Duration.ofSeconds(10), 100, 100)));
    Story withPdf = AgreementFixtures.drafted("D-PDF", Instant.parse("2025-03-03T12:00:00Z"), AgreementFixtures.profile());
    withPdf.then(PROGRAM, attached(withPdf, "doc-pdf", TestDocuments.pdf("The parties reconcile fingerprint records nightly",
        "at the Galveston processing centre."), PDF, "executed.pdf"));
    Story withDocx = AgreementFixtures.drafted("D-DOCX", Instant.parse("2025-03-04T12:00:00Z"), AgreementFixtures.profile());
    withDocx.then(PROGRAM, attached(withDocx, "doc-docx", TestDocuments.docx("Annex B sets out the wombat covenant",
        "for biometric retention."), DOCX, "annex.docx"));
    Story withBomb = AgreementFixtures.drafted("D-BOMB", Instant.parse("2025-03-05T12:00:00Z"), AgreementFixtures.profile());
    withBomb.then(PROGRAM, attached(withBomb, "doc-bomb", TestDocuments.docxZipBomb(50), DOCX, "bomb.docx"));

    try (TestSearch search = TestSearch.start(texts)) {
      search.publish(withPdf.messages()).publish(withDocx.messages()).publish(withBomb.messages());
      AgreementSearchEngine engine = search.engine();

      AgreementPage galveston = engine.search(text("galveston fingerprints"));
      assertThat(galveston.items()).extracting(AgreementDocument::id).containsExactly("D-PDF");
      assertThat(galveston.matches().get("D-PDF")).singleElement().satisfies(match -> {
        assertThat(match.documentId()).isEqualTo("doc-pdf");
        assertThat(match.passage()).contains("<mark>Galveston</mark>", "<mark>fingerprint</mark>");
      });

      AgreementPage covenant = engine.search(text("\"wombat covenant\""));
      assertThat(covenant.items()).extracting(AgreementDocument::id).containsExactly("D-DOCX");
      assertThat(covenant.matches().get("D-DOCX").get(0).passage()).contains("<mark>wombat covenant</mark>");
      // Words of the agreement's own fields match as before, with no document passage.
      assertThat(engine.search(text("wombat")).matches()).containsOnlyKeys("D-DOCX");

      assertThat(engine.documentTexts("D-BOMB")).singleElement().satisfies(state -> {
        assertThat(state.state()).isEqualTo("text not extracted");
        assertThat(state.reason()).contains("zip bomb");
      });
      assertThat(engine.documentTexts("D-PDF")).extracting(AgreementSearchEngine.DocumentTextState::state).containsExactly("extracted");

      // A later event of the agreement keeps its documents' text searchable.
      withPdf.then(PROGRAM, new DocumentContentWithdrawn(withPdf.id(), "doc-other", "0".repeat(64), "never attached"));
      search.publish(withPdf.messages());
      assertThat(engine.search(text("galveston")).items()).extracting(AgreementDocument::id).containsExactly("D-PDF");

      // A rebuild reads every text again.
      try (TestSearch rebuilt = search.fresh()) {
        assertThat(rebuilt.awaitCaughtUp().engine().search(text("galveston")).matches().get("D-PDF")).hasSize(1);
      }

      // Withdrawn: the text is gone from the search, the document's state says so.
      withPdf.then(PROGRAM, new DocumentContentWithdrawn(withPdf.id(), "doc-pdf", "x", "court order"));
      search.publish(withPdf.messages());
      assertThat(engine.search(text("galveston")).items()).isEmpty();
      assertThat(engine.documentTexts("D-PDF")).filteredOn(s -> s.documentId().equals("doc-pdf"))
          .singleElement().satisfies(state -> assertThat(state.state()).isEqualTo("withdrawn"));
    }
  }
}

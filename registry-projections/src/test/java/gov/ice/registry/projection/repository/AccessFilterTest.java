package gov.ice.registry.projection.repository;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.DisseminationControl;
import gov.ice.registry.agreement.api.Handling;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.projection.access.AccessPolicy;
import gov.ice.registry.projection.access.Employment;
import gov.ice.registry.projection.access.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The index filter and the policy's predicate agree, for every reader against every marking. */
class AccessFilterTest {

  private static final List<Reader> READERS = List.of(
      new Reader("fed", List.of("IGP"), Employment.FEDERAL, "USA", List.of("IGP"), null),
      new Reader("con", List.of("IGP"), Employment.CONTRACTOR, "USA", List.of("IGP"), null),
      new Reader("liaison", List.of("IGP"), Employment.FEDERAL, "GBR", List.of(), null),
      new Reader("lee", List.of("PROGRAM_OFFICE"), Employment.FEDERAL, "USA", List.of("HSI-CYBER"), null),
      new Reader("pat", List.of("AUDITOR"), null, null, List.of(), null),
      new Reader("fra", List.of("DIRECTOR"), Employment.CONTRACTOR, "FRA", List.of("HSI"), null));

  private static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    int n = 0;
    for (Marking marking : List.of(Marking.NONE, Marking.CUI, Marking.FOUO, Marking.LES)) {
      cases.add(new Case("a" + n++, marking, Handling.none()));
      if (marking == Marking.NONE) {
        continue;
      }
      for (DisseminationControl control : DisseminationControl.values()) {
        List<String> relTo = control == DisseminationControl.REL_TO ? List.of("USA", "GBR") : List.of();
        List<String> list = control == DisseminationControl.DL_ONLY ? List.of("HSI-CYBER", "pat") : List.of();
        cases.add(new Case("a" + n++, marking, new Handling(List.of(), List.of(control), relTo, list, null)));
      }
      cases.add(new Case("a" + n++, marking, new Handling(List.of(), List.of(DisseminationControl.NOFORN, DisseminationControl.NOCON),
          List.of(), List.of(), null)));
    }
    return cases;
  }

  private record Case(String id, Marking marking, Handling handling) {}

  @Test
  void theIndexFilterAdmitsExactlyWhatThePolicyAdmits() throws Exception {
    for (AccessPolicy policy : List.of(AccessPolicy.standard(),
        new AccessPolicy(Map.of(Marking.LES, List.of("HSI", "DIRECTOR"), Marking.FOUO, List.of("IGP")), List.of()),
        new AccessPolicy(Map.of(), List.of("AUDITOR")))) {
      List<Case> cases = cases();
      try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
          IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
        for (Case c : cases) {
          org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
          doc.add(new StringField("id", c.id(), Field.Store.YES));
          Document stored = new Document("marking", c.marking().name()).append(AgreementDocuments.HANDLING, new Document()
              .append("disseminationControls", c.handling().disseminationControls().stream().map(Enum::name).toList())
              .append("relTo", c.handling().relTo())
              .append("disseminationList", c.handling().disseminationList()));
          AccessFilter.index(doc, stored);
          writer.addDocument(doc);
        }
        writer.commit();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
          IndexSearcher searcher = new IndexSearcher(reader);
          for (Reader user : READERS) {
            Query filter = AccessFilter.restrict(new MatchAllDocsQuery(), AccessFilter.query(policy, user));
            Set<String> found = new HashSet<>();
            for (ScoreDoc hit : searcher.search(filter, 1000).scoreDocs) {
              found.add(searcher.storedFields().document(hit.doc).get("id"));
            }
            Set<String> expected = new HashSet<>();
            cases.stream().filter(c -> policy.mayRead(user, c.marking(), c.handling())).forEach(c -> expected.add(c.id()));
            assertThat(found).as("%s under %s", user.username(), policy.needToKnow()).isEqualTo(expected);
          }
        }
      }
    }
  }
}

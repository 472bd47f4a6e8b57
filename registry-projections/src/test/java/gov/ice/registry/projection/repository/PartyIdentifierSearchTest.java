package gov.ice.registry.projection.repository;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyIdentifier;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.projection.KnownAgreements;
import gov.ice.registry.projection.ProjectionDriver;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A party's identifier (the sharing gate's, e.g. an ORI) is in the search results and found by free text. */
class PartyIdentifierSearchTest {

  static TestReadStore mongo;
  static TestSearch search;
  static AgreementRepositoryQueries queries;

  static final AgreementFixtures.Story WITH_ORI = AgreementFixtures.active("ORI-1", KnownAgreements.T0,
      AgreementFixtures.profile("Texas Fusion Center Exchange", AgreementKind.MOU, Directorate.HSI,
          List.of(new Party("Texas Department of Public Safety", PartyKind.STATE, "US", false, new PartyIdentifier("ORI", "TX2270000"))),
          List.of(InformationCategory.LAW_ENFORCEMENT), true, "Deconflict investigations", LocalDate.of(2025, 1, 1), null),
      LocalDate.of(2025, 1, 1));

  @BeforeAll
  static void load() {
    mongo = new TestReadStore();
    ReadStore store = mongo.store("search-ori");
    ProjectionDriver driver = new ProjectionDriver(store);
    search = TestSearch.start();
    for (AgreementFixtures.Story story : List.of(WITH_ORI, KnownAgreements.GANG)) {
      driver.apply(story);
      search.publish(story.messages());
    }
    queries = search.queries(store);
  }

  @AfterAll
  static void stop() {
    search.close();
    mongo.close();
  }

  private static List<AgreementDocument> found(String q) {
    return queries.search(new AgreementSearch(null, null, null, null, null, null, null, q, 0, 50, null)).block().items();
  }

  @Test
  void findsAnAgreementByItsPartysIdentifierAndShowsIt() {
    List<AgreementDocument> byValue = found("TX2270000");

    assertThat(byValue).extracting(AgreementDocument::id).containsExactly("ORI-1");
    assertThat(byValue.get(0).parties().get(0).identifier()).isEqualTo(new PartyIdentifier("ORI", "TX2270000"));
    assertThat(found("ori tx2270000")).extracting(AgreementDocument::id).containsExactly("ORI-1");
  }

  @Test
  void aPartyWithoutAnIdentifierShowsNone() {
    List<AgreementDocument> gang = found("gang");

    assertThat(gang).extracting(AgreementDocument::id).containsExactly("A-2");
    assertThat(gang.get(0).parties().get(0).identifier()).isNull();
  }
}

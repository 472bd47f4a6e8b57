package gov.ice.registry.projection.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.projection.KnownAgreements;
import gov.ice.registry.projection.ProjectionDriver;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AgreementSearchTest {

  static TestReadStore mongo;
  static ReadStore store;
  static TestSearch search;
  static AgreementRepositoryQueries queries;

  @BeforeAll
  static void loadKnownAgreements() {
    mongo = new TestReadStore();
    store = mongo.store("search");
    ProjectionDriver driver = new ProjectionDriver(store);
    search = TestSearch.start();
    KnownAgreements.ALL.forEach(story -> {
      driver.apply(story);
      search.publish(story.messages());
    });
    queries = search.queries(store);
  }

  @AfterAll
  static void stop() {
    search.close();
    mongo.close();
  }

  private static AgreementSearch search(List<AgreementStatus> statuses, List<AgreementKind> kinds,
      List<InformationCategory> categories, List<PartyKind> partyKinds, List<String> countries,
      List<Directorate> directorates, Boolean pii, String q) {
    return new AgreementSearch(statuses, kinds, categories, partyKinds, countries, directorates, pii, q, 0, 50, null);
  }

  private static List<String> ids(AgreementSearch search) {
    return queries.search(search).block().items().stream().map(AgreementDocument::id).toList();
  }

  @Test
  void listsEveryAgreementByTitleWithoutFilters() {
    AgreementPage page = queries.search(AgreementSearch.all()).block();
    assertThat(page.total()).isEqualTo(6);
    assertThat(page.items()).extracting(AgreementDocument::title).containsExactly(
        "County Jail Notification (C++ feed)", "Gang Intelligence Pilot", "Payroll Systems Interconnection",
        "Removal Flight Coordination", "Tribal Border Liaison", "Visa Overstay Data Exchange");
  }

  @Test
  void filtersByStatus() {
    assertThat(ids(search(List.of(AgreementStatus.ACTIVE), null, null, null, null, null, null, null)))
        .containsExactly("A-3", "A-4", "A-6", "A-1");
    assertThat(ids(search(List.of(AgreementStatus.DRAFT), null, null, null, null, null, null, null)))
        .containsExactly("A-5", "A-2");
  }

  @Test
  void filtersByKindWithSeveralValues() {
    assertThat(ids(search(null, List.of(AgreementKind.MOU), null, null, null, null, null, null))).containsExactly("A-4", "A-1");
    assertThat(ids(search(null, List.of(AgreementKind.MOU, AgreementKind.LOI), null, null, null, null, null, null)))
        .containsExactly("A-4", "A-6", "A-1");
  }

  @Test
  void filtersByCategory() {
    assertThat(ids(search(null, null, List.of(InformationCategory.LAW_ENFORCEMENT), null, null, null, null, null)))
        .containsExactly("A-5", "A-2", "A-1");
  }

  @Test
  void filtersByPartyKind() {
    assertThat(ids(search(null, null, null, List.of(PartyKind.FOREIGN_GOVERNMENT), null, null, null, null)))
        .containsExactly("A-4", "A-1");
    assertThat(ids(search(null, null, null, List.of(PartyKind.TRIBAL), null, null, null, null))).containsExactly("A-6");
  }

  @Test
  void filtersByCountryIgnoringCase() {
    assertThat(ids(search(null, null, null, null, List.of("gb"), null, null, null))).containsExactly("A-4", "A-1");
    assertThat(ids(search(null, null, null, null, List.of("FR"), null, null, null))).containsExactly("A-4");
  }

  @Test
  void filtersByDirectorate() {
    assertThat(ids(search(null, null, null, null, null, List.of(Directorate.ERO), null, null))).containsExactly("A-5", "A-4");
  }

  @Test
  void filtersByPii() {
    assertThat(ids(search(null, null, null, null, null, null, false, null))).containsExactly("A-3", "A-6");
    assertThat(ids(search(null, null, null, null, null, null, true, null))).containsExactly("A-5", "A-2", "A-4", "A-1");
  }

  @Test
  void combinesFilters() {
    assertThat(ids(search(List.of(AgreementStatus.ACTIVE), null, List.of(InformationCategory.IMMIGRATION_ADMINISTRATION),
        null, null, null, true, null))).containsExactly("A-4");
  }

  @Test
  void freeTextMatchesTitlePurposeAndPartyNamesIgnoringCase() {
    // Free text ranks by relevance unless a sort is asked for.
    assertThat(ids(search(null, null, null, null, null, null, null, "HOME office"))).containsExactlyInAnyOrder("A-4", "A-1");
    assertThat(ids(search(null, null, null, null, null, null, null, "overstay"))).containsExactly("A-1");
    assertThat(ids(search(null, null, null, null, null, null, null, "united kingdom"))).containsExactly("A-1");
    assertThat(ids(search(null, null, null, null, null, null, null, "interpol removal"))).containsExactly("A-4");
    assertThat(ids(search(null, null, null, null, null, null, null, "O'odham"))).containsExactly("A-6");
  }

  @Test
  void freeTextTakesRegexCharactersLiterally() {
    assertThat(ids(search(null, null, null, null, null, null, null, "c++"))).containsExactly("A-5");
    assertThat(ids(search(null, null, null, null, null, null, null, ".*"))).isEmpty();
    assertThat(ids(search(null, null, null, null, null, null, null, "(c++"))).containsExactly("A-5");
  }

  @Test
  void pagesAndSorts() {
    AgreementPage second = queries.search(new AgreementSearch(null, null, null, null, null, null, null, null, 1, 2, null)).block();
    assertThat(second.total()).isEqualTo(6);
    assertThat(second.page()).isEqualTo(1);
    assertThat(second.items()).extracting(AgreementDocument::id).containsExactly("A-3", "A-4");

    AgreementPage byTitleDesc = queries.search(new AgreementSearch(null, null, null, null, null, null, null, null, 0, 3,
        AgreementSearch.Sort.parse("-title"))).block();
    assertThat(byTitleDesc.items()).extracting(AgreementDocument::id).containsExactly("A-1", "A-6", "A-4");

    AgreementPage newest = queries.search(new AgreementSearch(null, null, null, null, null, null, null, null, 0, 2,
        AgreementSearch.Sort.parse("createdAt,desc"))).block();
    assertThat(newest.items()).extracting(AgreementDocument::id).containsExactly("A-6", "A-5");
  }

  @Test
  void refusesUnknownSortKeysAndSizes() {
    assertThatThrownBy(() -> AgreementSearch.Sort.parse("id")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AgreementSearch.Sort.parse("title,sideways")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AgreementSearch(null, null, null, null, null, null, null, null, 0, 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsFacetsOverEveryMatch() {
    AgreementPage page = queries.search(new AgreementSearch(List.of(AgreementStatus.ACTIVE), null, null, null, null, null,
        null, null, 0, 1, null)).block();
    assertThat(page.items()).hasSize(1);
    assertThat(page.facets().get("status")).isEqualTo(Map.of("ACTIVE", 4L));
    assertThat(page.facets().get("kind")).isEqualTo(Map.of("MOU", 2L, "MOA", 1L, "LOI", 1L));
    assertThat(page.facets().get("category")).isEqualTo(Map.of(
        "LAW_ENFORCEMENT", 1L, "BUSINESS_OPERATIONS", 1L, "IMMIGRATION_ADMINISTRATION", 1L, "HOMELAND_SECURITY", 1L));
    assertThat(page.facets().get("partyKind")).isEqualTo(Map.of(
        "FOREIGN_GOVERNMENT", 2L, "PRIVATE_SECTOR", 1L, "INTERNATIONAL_ORGANIZATION", 1L, "TRIBAL", 1L));
    // Removal Flight Coordination has parties in "FR" and, twice in two spellings, "GB": it counts once for each.
    assertThat(page.facets().get("country")).isEqualTo(Map.of("GB", 2L, "US", 2L, "FR", 1L));
    assertThat(page.facets().get("directorate")).isEqualTo(Map.of("HSI", 2L, "MA", 1L, "ERO", 1L));
    assertThat(page.facets().get("pii")).isEqualTo(Map.of("true", 2L, "false", 2L));
  }

  @Test
  void countsEveryFacetOverAllAgreementsAsCountedByHand() {
    AgreementPage page = queries.search(new AgreementSearch(null, null, null, null, null, null, null, null, 0, 2, null)).block();
    assertThat(page.items()).hasSize(2);
    assertThat(page.total()).isEqualTo(6);
    assertThat(page.facets().keySet())
        .containsExactly("status", "kind", "category", "partyKind", "country", "directorate", "pii", "executedCopy");
    // The known agreements' stories record no executed copy: every one counts under "false".
    assertThat(page.facets().get("executedCopy")).isEqualTo(Map.of("false", 6L));
    assertThat(queries.search(new AgreementSearch(null, null, null, null, null, null, null, null, 0, 20, null, null, null, null, false))
        .block().total()).isEqualTo(6);
    assertThat(queries.search(new AgreementSearch(null, null, null, null, null, null, null, null, 0, 20, null, null, null, null, true))
        .block().total()).isZero();
    assertThat(page.facets().get("status")).isEqualTo(Map.of("ACTIVE", 4L, "DRAFT", 2L));
    assertThat(page.facets().get("kind")).isEqualTo(Map.of("MOU", 2L, "MOA", 2L, "LOI", 1L, "PILOT_PROJECT", 1L));
    assertThat(page.facets().get("category")).isEqualTo(Map.of("LAW_ENFORCEMENT", 3L, "HOMELAND_SECURITY", 2L,
        "BUSINESS_OPERATIONS", 1L, "IMMIGRATION_ADMINISTRATION", 2L));
    assertThat(page.facets().get("partyKind")).isEqualTo(Map.of("FOREIGN_GOVERNMENT", 2L, "STATE", 1L,
        "PRIVATE_SECTOR", 1L, "INTERNATIONAL_ORGANIZATION", 1L, "LOCAL", 1L, "TRIBAL", 1L));
    assertThat(page.facets().get("country")).isEqualTo(Map.of("US", 4L, "GB", 2L, "FR", 1L));
    assertThat(page.facets().get("directorate")).isEqualTo(Map.of("HSI", 3L, "MA", 1L, "ERO", 2L));
    assertThat(page.facets().get("pii")).isEqualTo(Map.of("true", 4L, "false", 2L));
    // The page's documents come whole: the facets' projection does not reach them.
    assertThat(page.items().get(0).parties()).isNotEmpty();
    assertThat(page.items().get(0).categories()).isNotEmpty();
  }

  @Test
  void countsFacetsOfAFilteredSearchAsCountedByHand() {
    // Law enforcement: Visa Overstay (HSI, GB, pii), Gang Intelligence (HSI, US, pii), County Jail (ERO, US, pii).
    AgreementPage page = queries.search(search(null, null, List.of(InformationCategory.LAW_ENFORCEMENT), null, null,
        null, null, null)).block();
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.facets().get("category")).isEqualTo(Map.of("LAW_ENFORCEMENT", 3L, "HOMELAND_SECURITY", 1L,
        "IMMIGRATION_ADMINISTRATION", 1L));
    assertThat(page.facets().get("country")).isEqualTo(Map.of("GB", 1L, "US", 2L));
    assertThat(page.facets().get("directorate")).isEqualTo(Map.of("HSI", 2L, "ERO", 1L));
    assertThat(page.facets().get("pii")).isEqualTo(Map.of("true", 3L));
  }

  @Test
  void findsActiveAgreementsWithAnOverlappingPartyAndCategory() {
    var parties = List.of(AgreementFixtures.party("UK HOME OFFICE ", PartyKind.FOREIGN_GOVERNMENT, "GB"));
    assertThat(queries.existingAgreements(parties, List.of(InformationCategory.LAW_ENFORCEMENT), null)
        .map(AgreementDocument::id).collectList().block()).containsExactly("A-1");
    assertThat(queries.existingAgreements(parties,
            List.of(InformationCategory.LAW_ENFORCEMENT, InformationCategory.IMMIGRATION_ADMINISTRATION), "A-1")
        .map(AgreementDocument::id).collectList().block()).containsExactly("A-4");
    // A draft with the same party is not an existing agreement.
    var texas = List.of(AgreementFixtures.party("Texas Department of Public Safety", PartyKind.STATE, "US"));
    assertThat(queries.existingAgreements(texas, List.of(InformationCategory.LAW_ENFORCEMENT), null).collectList().block())
        .isEmpty();
  }

  @Test
  void keepsTheWholeAgreementWithItsApprovalsAndNextReview() {
    AgreementDocument visa = queries.byId("A-1").block();
    assertThat(visa.status()).isEqualTo(AgreementStatus.ACTIVE);
    assertThat(visa.version()).isEqualTo(KnownAgreements.VISA.messages().size());
    assertThat(visa.effectiveDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(visa.nextReviewDue()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(visa.requiredStakeholders()).singleElement()
        .satisfies(s -> assertThat(s.rules()).containsExactly(RuleId.of("S1")));
    assertThat(visa.concurrences()).singleElement().satisfies(c -> {
      assertThat(c.office()).isEqualTo(StakeholderOffice.IGP);
      assertThat(c.decision()).isEqualTo(ConcurrenceDecision.CONCUR);
      assertThat(c.draftVersion()).isEqualTo(1);
    });
    assertThat(visa.signatures()).extracting(s -> s.party()).containsExactly(PartyName.ICE, PartyName.of("UK Home Office"));
    assertThat(visa.createdAt()).isEqualTo(KnownAgreements.T0);
  }

  @Test
  void handlingEveryEventTwiceChangesNothing() {
    var before = TestReadStore.contents(store, ProjectionDriver.COLLECTIONS);
    ProjectionDriver again = new ProjectionDriver(store);
    KnownAgreements.ALL.forEach(again::apply);
    assertThat(TestReadStore.contents(store, ProjectionDriver.COLLECTIONS)).isEqualTo(before);
  }

  @Test
  void anOlderEventDeliveredLateNeverMovesADocumentBack() {
    ProjectionDriver late = new ProjectionDriver(store);
    var drafted = KnownAgreements.VISA.messages().subList(0, 1);
    late.apply(drafted);
    AgreementDocument visa = queries.byId("A-1").block();
    assertThat(visa.status()).isEqualTo(AgreementStatus.ACTIVE);
    assertThat(visa.version()).isEqualTo(KnownAgreements.VISA.messages().size());
  }
}

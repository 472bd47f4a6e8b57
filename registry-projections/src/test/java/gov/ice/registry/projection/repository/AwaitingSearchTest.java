package gov.ice.registry.projection.repository;

import static gov.ice.registry.agreement.AgreementFixtures.IGP;
import static gov.ice.registry.agreement.AgreementFixtures.PROGRAM;
import static gov.ice.registry.agreement.AgreementFixtures.party;
import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static gov.ice.registry.agreement.AgreementFixtures.story;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.AmendmentProposed;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceRequested;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.projection.ProjectionDriver;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.work.WorkEntry;
import gov.ice.registry.projection.work.WorkQueries;
import gov.ice.registry.projection.work.WorkReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search filters {@code awaiting=OFFICE} and {@code awaitingSignatureBy=AUTHORITY} list the
 * same agreements as the offices' and signatories' work queues, over agreements at every step
 * that matters: drafts partly concurred, a non-concurrence, a revision that makes a concurrence
 * stale, clearance, cleared agreements with delegations (international, LEIS) partly signed, and
 * an amendment that newly requires an office.
 */
class AwaitingSearchTest {

  static final Instant START = Instant.parse("2026-11-02T15:00:00Z");
  static TestReadStore mongo;
  static ReadStore store;
  static TestSearch search;
  static AgreementRepositoryQueries queries;
  static WorkQueries work;

  static AgreementProfile profileOf(String title, PartyKind kind, boolean leis) {
    AgreementProfile p = profile(title, AgreementKind.MOU, Directorate.HSI, List.of(party("Party " + title, kind, "US")),
        List.of(InformationCategory.LAW_ENFORCEMENT, InformationCategory.BUSINESS_OPERATIONS), true, "purpose", null, null);
    return leis ? AgreementFixtures.withDataProfile(p, AgreementFixtures.dataProfile(d -> d.leisService(true))) : p;
  }

  static List<RequiredStakeholder> required(StakeholderOffice... offices) {
    return Arrays.stream(offices).map(o -> new RequiredStakeholder(o, ruleIds("S1"))).toList();
  }

  static AgreementFixtures.Story drafted(String id, AgreementProfile profile, StakeholderOffice... offices) {
    return story(id, START).then(PROGRAM, new AgreementDrafted(AgreementId.of(id), 1, profile, Scope.IN_SCOPE, required(offices)));
  }

  static AgreementFixtures.Story cleared(String id, AgreementProfile profile) {
    AgreementId a = AgreementId.of(id);
    return drafted(id, profile, StakeholderOffice.IGP)
        .then(IGP, new StakeholderConcurred(a, StakeholderOffice.IGP, 1, "ok", ruleIds("S1")))
        .then(PROGRAM, new ClearanceRequested(a, 1))
        .then(IGP, new ClearanceGranted(a, 1, "ok"))
        .then(IGP, new AgreementCleared(a, 1, List.of()));
  }

  static AgreementSigned ice(String id, SignatoryAuthority authority) {
    return new AgreementSigned(AgreementId.of(id), 1,
        new SignatureRecord(PartyName.ICE, authority, "Signer", "EAD", LocalDate.of(2026, 11, 3)), List.of());
  }

  @BeforeAll
  static void load() {
    mongo = new TestReadStore();
    store = mongo.store("awaiting");
    ProjectionDriver driver = new ProjectionDriver(store);
    search = TestSearch.start();
    AgreementId d2 = AgreementId.of("D-2");
    AgreementId d3 = AgreementId.of("D-3");
    List<AgreementFixtures.Story> stories = List.of(
        drafted("D-1", profileOf("One", PartyKind.STATE, false), StakeholderOffice.IGP, StakeholderOffice.OPLA, StakeholderOffice.OCIO),
        drafted("D-2", profileOf("Two", PartyKind.STATE, false), StakeholderOffice.IGP, StakeholderOffice.OPLA)
            .then(IGP, new StakeholderConcurred(d2, StakeholderOffice.IGP, 1, "ok", ruleIds("S1")))
            .then(IGP, new StakeholderNonConcurred(d2, StakeholderOffice.OPLA, 1, "no", ruleIds("S1"))),
        drafted("D-3", profileOf("Three", PartyKind.STATE, false), StakeholderOffice.IGP, StakeholderOffice.IGP_PRIVACY)
            .then(IGP, new StakeholderConcurred(d3, StakeholderOffice.IGP, 1, "ok", ruleIds("S1")))
            .then(IGP, new StakeholderConcurred(d3, StakeholderOffice.IGP_PRIVACY, 1, "ok", ruleIds("S1")))
            .then(PROGRAM, new DraftRevised(d3, 2, profileOf("Three revised", PartyKind.STATE, false), Scope.IN_SCOPE,
                required(StakeholderOffice.IGP, StakeholderOffice.IGP_PRIVACY, StakeholderOffice.HSI_IO), List.of()))
            .then(IGP, new StakeholderConcurred(d3, StakeholderOffice.IGP, 2, "ok", ruleIds("S1"))),
        drafted("D-4", profileOf("Four", PartyKind.STATE, false), StakeholderOffice.IGP)
            .then(IGP, new StakeholderConcurred(AgreementId.of("D-4"), StakeholderOffice.IGP, 1, "ok", ruleIds("S1")))
            .then(PROGRAM, new ClearanceRequested(AgreementId.of("D-4"), 1)),
        cleared("C-1", profileOf("Cleared state", PartyKind.STATE, false)),
        cleared("C-2", profileOf("Cleared foreign", PartyKind.FOREIGN_GOVERNMENT, false))
            .then(IGP, ice("C-2", SignatoryAuthority.HSI_IO)),
        cleared("C-3", profileOf("Cleared LEIS", PartyKind.STATE, true))
            .then(IGP, ice("C-3", SignatoryAuthority.HSI_LEISI_AD)),
        AgreementFixtures.active("A-1", START, profileOf("Active amended", PartyKind.STATE, false), LocalDate.of(2026, 1, 5))
            .then(PROGRAM, new AmendmentProposed(AgreementId.of("A-1"), 1, 2, null, List.of("Party Active amended"),
                LocalDate.of(2026, 11, 2), required(StakeholderOffice.OCIO, StakeholderOffice.ODCR)))
            .then(IGP, new StakeholderConcurred(AgreementId.of("A-1"), StakeholderOffice.ODCR, 2, "ok", ruleIds("S10"))));
    stories.forEach(story -> {
      driver.apply(story);
      search.publish(story.messages());
    });
    queries = search.queries(store);
    work = new WorkQueries(search.engine());
  }

  @AfterAll
  static void stop() {
    search.close();
    mongo.close();
  }

  static List<String> searched(List<StakeholderOffice> offices, List<SignatoryAuthority> authorities) {
    return queries.search(new AgreementSearch(null, null, null, null, null, null, null, null, 0, 200, null, null, offices, authorities))
        .block().items().stream().map(AgreementDocument::id).sorted().toList();
  }

  static List<String> queued(String role, WorkReason reason) {
    return work.queue(List.of(role), LocalDate.of(2026, 11, 20), 0, 200).block().items().stream()
        .filter(e -> e.reason() == reason).map(WorkEntry::agreementId).distinct().sorted().toList();
  }

  @Test
  void awaitingAnOfficeListsItsConcurrenceQueue() {
    assertThat(searched(List.of(StakeholderOffice.OPLA), null)).containsExactly("D-1");
    assertThat(searched(List.of(StakeholderOffice.OCIO), null)).containsExactly("A-1", "D-1");
    assertThat(searched(List.of(StakeholderOffice.IGP_PRIVACY), null)).containsExactly("D-3");
    assertThat(searched(List.of(StakeholderOffice.ODCR), null)).isEmpty();
    for (StakeholderOffice office : StakeholderOffice.values()) {
      assertThat(searched(List.of(office), null)).as(office.name())
          .isEqualTo(queued("STAKEHOLDER_" + office.name(), WorkReason.AWAITING_CONCURRENCE));
    }
  }

  @Test
  void awaitingSignatureByAnAuthorityListsItsSignatureQueueDelegationsIncluded() {
    // C-1 awaits its Executive Agents: HSI for law enforcement (an HSI agreement), MA for business operations.
    assertThat(searched(null, List.of(SignatoryAuthority.HSI_EAD))).containsExactly("C-1");
    // C-2: HSI IO signed for both categories of an international agreement; C-3: the LEIS AD signed only law enforcement.
    assertThat(searched(null, List.of(SignatoryAuthority.MA_EAD))).containsExactly("C-1", "C-3");
    assertThat(searched(null, List.of(SignatoryAuthority.HSI_LEISI_AD))).isEmpty();
    for (SignatoryAuthority authority : SignatoryAuthority.values()) {
      assertThat(searched(null, List.of(authority))).as(authority.name())
          .isEqualTo(queued("SIGNATORY_" + authority.name(), WorkReason.AWAITING_SIGNATURE));
    }
  }

  @Test
  void theFiltersCombineWithTheOthers() {
    assertThat(searched(List.of(StakeholderOffice.OCIO, StakeholderOffice.OPLA), null)).containsExactly("A-1", "D-1");
    assertThat(queries.search(new AgreementSearch(List.of(gov.ice.registry.agreement.api.AgreementStatus.ACTIVE), null, null, null,
        null, null, null, null, 0, 20, null, null, List.of(StakeholderOffice.OCIO), null)).block().total()).isEqualTo(1);
  }
}

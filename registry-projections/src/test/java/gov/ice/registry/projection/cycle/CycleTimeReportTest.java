package gov.ice.registry.projection.cycle;

import static gov.ice.registry.agreement.AgreementFixtures.IGP;
import static gov.ice.registry.agreement.AgreementFixtures.PROGRAM;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.AgreementFixtures.Story;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.Directorate;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.calendar.BusinessDays;
import gov.ice.registry.cycle.Stage;
import gov.ice.registry.cycle.StageInterval.Unit;
import gov.ice.registry.cycle.StageTimeline;
import gov.ice.registry.projection.TestReadStore;
import gov.ice.registry.projection.cycle.CycleTimeReport.GroupBy;
import gov.ice.registry.projection.cycle.CycleTimeReport.Request;
import gov.ice.registry.projection.cycle.CycleTimeReport.Row;
import gov.ice.registry.projection.mongo.ReadStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The report from the projection's documents, through the in-memory index, as the API asks it. */
class CycleTimeReportTest {

  private static final LocalDate MONDAY = LocalDate.parse("2026-11-02");
  private static final LocalDate TODAY = LocalDate.parse("2027-06-01");
  private static final AgreementProfile PROFILE = AgreementFixtures.profile("Exchange", AgreementKind.MOU, Directorate.HSI,
      List.of(AgreementFixtures.party("Texas DPS", gov.ice.registry.agreement.api.PartyKind.STATE, "USA")),
      List.of(gov.ice.registry.agreement.api.InformationCategory.LAW_ENFORCEMENT), false, "purpose", null, null);
  private static final List<RequiredStakeholder> IGP_AND_OPP = List.of(
      new RequiredStakeholder(StakeholderOffice.IGP, ruleIds("S1")), new RequiredStakeholder(StakeholderOffice.OPP, ruleIds("S1")));

  TestReadStore mongo;
  ReadStore store;
  CycleTimeIndex index;
  AnnotationEventHandlerAdapter projection;
  final java.util.List<DomainEventMessage<?>> ledger = new java.util.ArrayList<>();

  @BeforeEach
  void start() {
    mongo = new TestReadStore();
    store = mongo.store("cycle");
    index = new CycleTimeIndex(store);
    projection = new AnnotationEventHandlerAdapter(new CycleTimeProjection(store,
        (id, sequence) -> ledger.stream().filter(m -> m.getAggregateIdentifier().equals(id.value()) && m.getSequenceNumber() < sequence)
            .toList(), index));
  }

  @AfterEach
  void stop() {
    mongo.close();
  }

  private static Instant morning(LocalDate day) {
    return day.atTime(LocalTime.of(10, 0)).atZone(StageTimeline.ZONE).toInstant();
  }

  private void apply(Story story) throws Exception {
    for (DomainEventMessage<?> message : story.messages()) {
      ledger.add(message);
      projection.handle(message);
    }
  }

  private CycleTimeReport report(GroupBy groupBy, Unit unit, Set<String> offices) {
    return CycleTimeReport.of(index.entries(), new Request(MONDAY, TODAY, groupBy, unit, offices, TODAY));
  }

  private static Row row(CycleTimeReport report, Stage stage, String group) {
    return report.stages().stream().filter(r -> r.stage() == stage && r.group().equals(group)).findFirst().orElseThrow();
  }

  /** Agreement {@code i} is drafted on Monday 2026-11-02 and IGP concurs {@code i} business days later. */
  private void hundredAndOneAgreements() throws Exception {
    for (int i = 0; i <= 100; i++) {
      AgreementId id = AgreementId.of("a-" + i);
      apply(AgreementFixtures.story(id.value(), morning(MONDAY))
          .then(PROGRAM, new AgreementDrafted(id, 1, PROFILE, Scope.IN_SCOPE, AgreementFixtures.stakeholders()))
          .at(morning(BusinessDays.addBusinessDays(MONDAY, i)))
          .then(IGP, new StakeholderConcurred(id, StakeholderOffice.IGP, 1, "ok", ruleIds("S1"))));
    }
  }

  @Test
  void givesExactMediansAndPercentilesOverAHundredAndOneAgreements() throws Exception {
    hundredAndOneAgreements();
    CycleTimeReport report = report(GroupBy.OFFICE, Unit.BUSINESS_DAYS, Set.of());
    Row igp = row(report, Stage.CONCURRENCE, "IGP");
    assertThat(igp.completed()).isEqualTo(101);
    assertThat(igp.median()).isEqualTo(50.0);
    assertThat(igp.p75()).isEqualTo(75.0);
    assertThat(igp.p90()).isEqualTo(90.0);
    assertThat(igp.mean()).isEqualTo(50.0);
    assertThat(igp.open()).isZero();
    assertThat(igp.oldestOpen()).isNull();
    // Every end to end is still open (none executed), the oldest since the Monday.
    Row endToEnd = row(report, Stage.END_TO_END, StageTimeline.PROGRAM_OFFICE);
    assertThat(endToEnd.open()).isEqualTo(101);
    assertThat(endToEnd.completed()).isZero();
    assertThat(endToEnd.oldestOpen()).isEqualTo(BusinessDays.between(MONDAY, TODAY));
    assertThat(report.concurrency()).isEqualTo(1.0);
    // Grouped otherwise, the same intervals fall in the agreements' groups.
    assertThat(row(report(GroupBy.DIRECTORATE, Unit.BUSINESS_DAYS, Set.of()), Stage.CONCURRENCE, "HSI").p90()).isEqualTo(90.0);
    assertThat(row(report(GroupBy.PARTY_KIND, Unit.BUSINESS_DAYS, Set.of()), Stage.CONCURRENCE, "STATE").completed()).isEqualTo(101);
    assertThat(row(report(GroupBy.CATEGORY, Unit.BUSINESS_DAYS, Set.of()), Stage.CONCURRENCE, "LAW_ENFORCEMENT").median())
        .isEqualTo(50.0);
    assertThat(row(report(GroupBy.KIND, Unit.BUSINESS_DAYS, Set.of()), Stage.CONCURRENCE, "MOU").completed()).isEqualTo(101);
  }

  @Test
  void answersTheSameAfterTheIndexIsLoadedAgainFromTheStore() throws Exception {
    hundredAndOneAgreements();
    CycleTimeReport before = report(GroupBy.OFFICE, Unit.DAYS, Set.of());
    index = new CycleTimeIndex(store);
    assertThat(report(GroupBy.OFFICE, Unit.DAYS, Set.of())).isEqualTo(before);
  }

  @Test
  void countsTheFixtureOfTheIssueAndItsReworkAndLeavesImportsOut() throws Exception {
    AgreementId id = AgreementId.of("fixture");
    apply(AgreementFixtures.story(id.value(), morning(MONDAY))
        .then(PROGRAM, new AgreementDrafted(id, 1, PROFILE, Scope.IN_SCOPE, IGP_AND_OPP))
        .at(morning(LocalDate.parse("2026-11-05")))
        .then(IGP, new StakeholderConcurred(id, StakeholderOffice.IGP, 1, "ok", ruleIds("S1")))
        .at(morning(LocalDate.parse("2026-11-30")))
        .then(IGP, new StakeholderConcurred(id, StakeholderOffice.OPP, 1, "ok", ruleIds("S1")))
        .at(morning(LocalDate.parse("2026-12-01")))
        .then(PROGRAM, new DraftRevised(id, 2, PROFILE, Scope.IN_SCOPE, IGP_AND_OPP,
            List.of(StakeholderOffice.IGP, StakeholderOffice.OPP))));
    AgreementId imported = AgreementId.of("imported");
    apply(AgreementFixtures.story(imported.value(), morning(MONDAY))
        .then(IGP, new ExecutedAgreementImported(imported, PROFILE, Scope.IN_SCOPE, IGP_AND_OPP, List.of(),
            LocalDate.parse("2020-01-02"), null, LocalDate.parse("2022-01-02"))));

    CycleTimeReport report = report(GroupBy.OFFICE, Unit.BUSINESS_DAYS, Set.of());
    Row igp = row(report, Stage.CONCURRENCE, "IGP");
    Row opp = row(report, Stage.CONCURRENCE, "OPP");
    assertThat(igp.median()).isEqualTo(3.0);
    assertThat(opp.median()).isEqualTo(18.0);
    assertThat(igp.rework()).isEqualTo(1);
    assertThat(opp.rework()).isEqualTo(1);
    // Version 2 awaits both again since the revision of 1 December.
    assertThat(igp.open()).isEqualTo(1);
    assertThat(report.excluded().imported()).isEqualTo(1);
    assertThat(report.concurrency()).isEqualTo(31.0 / 28.0);

    CycleTimeReport oppOnly = report(GroupBy.OFFICE, Unit.BUSINESS_DAYS, Set.of("OPP"));
    assertThat(oppOnly.stages()).isNotEmpty().allMatch(r -> r.group().equals("OPP"));
  }
}

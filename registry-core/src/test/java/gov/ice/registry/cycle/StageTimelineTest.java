package gov.ice.registry.cycle;

import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.ruleIds;
import static gov.ice.registry.cycle.StageInterval.Unit.BUSINESS_DAYS;
import static gov.ice.registry.cycle.StageInterval.Unit.DAYS;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.AgreementCleared;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementSigned;
import gov.ice.registry.agreement.api.AgreementWithdrawn;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.ClearanceGranted;
import gov.ice.registry.agreement.api.ClearanceRequested;
import gov.ice.registry.agreement.api.DisputeDecision;
import gov.ice.registry.agreement.api.DisputeLevel;
import gov.ice.registry.agreement.api.DisputeRaised;
import gov.ice.registry.agreement.api.DisputeResolved;
import gov.ice.registry.agreement.api.DraftRevised;
import gov.ice.registry.agreement.api.ExecutedAgreementImported;
import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.agreement.api.ExigentTransferRecorded;
import gov.ice.registry.agreement.api.LegalReviewCompleted;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import gov.ice.registry.agreement.api.StakeholderConcurred;
import gov.ice.registry.agreement.api.StakeholderNonConcurred;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.cycle.StageInterval.Outcome;
import gov.ice.registry.cycle.StageTimeline.Holding;
import gov.ice.registry.cycle.StageTimeline.Timed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cycle-time stages, from events with the instants the ledger recorded them. */
class StageTimelineTest {

  private static final AgreementId ID = AgreementId.of("a-1");
  private static final AgreementProfile PROFILE = profile("Data exchange", gov.ice.registry.agreement.api.AgreementKind.MOU,
      gov.ice.registry.agreement.api.Directorate.HSI, List.of(), List.of(), false, "purpose", null, null);
  private static final List<RequiredStakeholder> IGP_AND_OPP = List.of(
      new RequiredStakeholder(StakeholderOffice.IGP, ruleIds("S1")), new RequiredStakeholder(StakeholderOffice.OPP, ruleIds("S1")));

  private final List<Timed> events = new ArrayList<>();

  /** Ten in the morning, Washington time, on {@code day}. */
  private static Instant morning(String day) {
    return LocalDate.parse(day).atTime(LocalTime.of(10, 0)).atZone(StageTimeline.ZONE).toInstant();
  }

  private StageTimelineTest on(String day, AgreementEvent event) {
    events.add(new Timed(event, morning(day)));
    return this;
  }

  private StageTimeline timeline() {
    return StageTimeline.ofEvents(events, StageTimeline.ZONE);
  }

  private List<StageInterval> of(Stage stage) {
    return timeline().intervals().stream().filter(i -> i.stage() == stage).toList();
  }

  private StageInterval only(Stage stage, String holder) {
    List<StageInterval> found = of(stage).stream().filter(i -> holder.equals(i.holder())).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private StageTimelineTest drafted(String day, List<RequiredStakeholder> required) {
    return on(day, new AgreementDrafted(ID, 1, PROFILE, Scope.IN_SCOPE, required));
  }

  private static StakeholderConcurred concur(StakeholderOffice office, int version) {
    return new StakeholderConcurred(ID, office, version, "ok", ruleIds("S1"));
  }

  @Test
  void countsEachOfficesResponseInBusinessDaysWithoutVeteransDayAndThanksgiving() {
    drafted("2026-11-02", IGP_AND_OPP)
        .on("2026-11-05", concur(StakeholderOffice.IGP, 1))
        .on("2026-11-30", concur(StakeholderOffice.OPP, 1));
    LocalDate today = LocalDate.parse("2026-12-07");

    StageInterval igp = only(Stage.CONCURRENCE, "IGP");
    StageInterval opp = only(Stage.CONCURRENCE, "OPP");
    assertThat(igp.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(igp.duration(BUSINESS_DAYS, today)).isEqualTo(3);
    assertThat(opp.duration(BUSINESS_DAYS, today)).isEqualTo(18);
    assertThat(opp.duration(DAYS, today)).isEqualTo(28);
    // OPP alone held the phase from IGP's concurrence until its own.
    StageInterval sole = only(Stage.SOLE_HOLDER, "OPP");
    assertThat(sole.startDay()).isEqualTo(LocalDate.parse("2026-11-05"));
    assertThat(sole.endDay()).isEqualTo(LocalDate.parse("2026-11-30"));
    assertThat(sole.duration(BUSINESS_DAYS, today)).isEqualTo(15);
    assertThat(sole.completed()).isTrue();
    // 3 + 28 days of office time over the 28 days any office held it.
    assertThat(timeline().concurrency().ratio()).isEqualTo(31.0 / 28.0);
    // Not executed: the end to end is still open, and ages by the day asked for.
    StageInterval endToEnd = only(Stage.END_TO_END, StageTimeline.PROGRAM_OFFICE);
    assertThat(endToEnd.open()).isTrue();
    assertThat(endToEnd.duration(BUSINESS_DAYS, today)).isEqualTo(23);
  }

  @Test
  void anOfficeStillToAnswerIsOpenFromTheDraft() {
    drafted("2026-11-02", IGP_AND_OPP).on("2026-11-05", concur(StakeholderOffice.IGP, 1));
    StageInterval opp = only(Stage.CONCURRENCE, "OPP");
    assertThat(opp.open()).isTrue();
    assertThat(opp.end()).isNull();
    assertThat(opp.duration(BUSINESS_DAYS, LocalDate.parse("2026-11-12"))).isEqualTo(7);
  }

  @Test
  void aRevisionThatMakesAConcurrenceStaleCountsAsReworkAndStartsTheNextVersion() {
    drafted("2026-11-02", IGP_AND_OPP)
        .on("2026-11-03", concur(StakeholderOffice.IGP, 1))
        .on("2026-11-09", new DraftRevised(ID, 2, PROFILE, Scope.IN_SCOPE, IGP_AND_OPP, List.of(StakeholderOffice.IGP)))
        .on("2026-11-10", concur(StakeholderOffice.IGP, 2))
        .on("2026-11-13", concur(StakeholderOffice.OPP, 2));

    List<StageInterval> igp = of(Stage.CONCURRENCE).stream().filter(i -> i.holder().equals("IGP")).toList();
    assertThat(igp).extracting(StageInterval::draftVersion, StageInterval::rework, StageInterval::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, true, Outcome.COMPLETED),
            org.assertj.core.groups.Tuple.tuple(2, false, Outcome.COMPLETED));
    // OPP had not answered version 1: that wait was superseded, not completed; version 2 is timed from the revision.
    List<StageInterval> opp = of(Stage.CONCURRENCE).stream().filter(i -> i.holder().equals("OPP")).toList();
    assertThat(opp).extracting(StageInterval::outcome).containsExactly(Outcome.SUPERSEDED, Outcome.COMPLETED);
    assertThat(opp.get(1).startDay()).isEqualTo(LocalDate.parse("2026-11-09"));
    assertThat(opp.get(1).duration(BUSINESS_DAYS, null)).isEqualTo(3);
  }

  @Test
  void timesClearanceLegalReviewEachSignatureAndTheWholeCycle() {
    List<RequiredStakeholder> withOpla = List.of(new RequiredStakeholder(StakeholderOffice.IGP, ruleIds("S1")),
        new RequiredStakeholder(StakeholderOffice.OPLA, ruleIds("S9")));
    drafted("2026-11-02", withOpla)
        .on("2026-11-03", concur(StakeholderOffice.IGP, 1))
        .on("2026-11-04", concur(StakeholderOffice.OPLA, 1))
        .on("2026-11-04", new ClearanceRequested(ID, 1))
        .on("2026-11-09", new LegalReviewCompleted(ID, 1, true, "sufficient"))
        .on("2026-11-10", new ClearanceGranted(ID, 1, "cleared"))
        .on("2026-11-10", new AgreementCleared(ID, 1, List.of()))
        .on("2026-11-13", new AgreementSigned(ID, 1,
            new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "Sam", "EAD", LocalDate.parse("2026-11-13")), List.of()))
        .on("2026-11-17", new AgreementSigned(ID, 1,
            new SignatureRecord(PartyName.of("Texas DPS"), null, "Tex", "Chief", LocalDate.parse("2026-11-17")), List.of()))
        .on("2026-11-17", new AgreementExecuted(ID, 1, LocalDate.parse("2026-11-17"), LocalDate.parse("2026-11-17"),
            LocalDate.parse("2028-11-17")));

    assertThat(only(Stage.CLEARANCE, "IGP").duration(BUSINESS_DAYS, null)).isEqualTo(4);
    assertThat(only(Stage.LEGAL_REVIEW, "OPLA").duration(BUSINESS_DAYS, null)).isEqualTo(3);
    assertThat(only(Stage.SIGNATURE, "HSI_EAD").duration(BUSINESS_DAYS, null)).isEqualTo(2);
    assertThat(only(Stage.SIGNATURE, CycleFact.EXTERNAL_PARTY).duration(BUSINESS_DAYS, null)).isEqualTo(4);
    assertThat(only(Stage.SIGNATURES, StageTimeline.SIGNATORIES).duration(BUSINESS_DAYS, null)).isEqualTo(4);
    StageInterval endToEnd = only(Stage.END_TO_END, StageTimeline.PROGRAM_OFFICE);
    assertThat(endToEnd.completed()).isTrue();
    assertThat(endToEnd.duration(BUSINESS_DAYS, null)).isEqualTo(10);
    assertThat(timeline().intervals()).noneMatch(StageInterval::open);
  }

  @Test
  void timesEachDisputeLevelAndTheSoleHolderUntilTheDirectorDecides() {
    drafted("2026-11-02", IGP_AND_OPP)
        .on("2026-11-03", concur(StakeholderOffice.IGP, 1))
        .on("2026-11-04", new StakeholderNonConcurred(ID, StakeholderOffice.OPP, 1, "no", ruleIds("S1")))
        .on("2026-11-05", new DisputeRaised(ID, DisputeLevel.PROGRAM_AD, "disagree", 1, List.of(StakeholderOffice.OPP)))
        .on("2026-11-09", new DisputeRaised(ID, DisputeLevel.DIRECTORATE, "still", 1, List.of(StakeholderOffice.OPP)))
        .on("2026-11-10", new DisputeRaised(ID, DisputeLevel.DIRECTOR, "still", 1, List.of(StakeholderOffice.OPP)))
        .on("2026-11-16", new DisputeResolved(ID, DisputeDecision.PROCEED_AS_DRAFTED, "go", 1, List.of(StakeholderOffice.OPP)));

    assertThat(only(Stage.DISPUTE_PROGRAM_AD, "PROGRAM_AD").duration(BUSINESS_DAYS, null)).isEqualTo(2);
    assertThat(only(Stage.DISPUTE_DIRECTORATE, "DIRECTORATE").duration(BUSINESS_DAYS, null)).isEqualTo(1);
    assertThat(only(Stage.DISPUTE_DIRECTOR, "DIRECTOR").duration(BUSINESS_DAYS, null)).isEqualTo(3);
    // OPP answered (a non-concurrence is a decision) on the 4th, but held the phase alone until the Director decided.
    assertThat(only(Stage.CONCURRENCE, "OPP").endDay()).isEqualTo(LocalDate.parse("2026-11-04"));
    StageInterval sole = only(Stage.SOLE_HOLDER, "OPP");
    assertThat(sole.completed()).isTrue();
    assertThat(sole.endDay()).isEqualTo(LocalDate.parse("2026-11-16"));
  }

  @Test
  void timesExigentMemorializationFromTheTransferDayToTheExecution() {
    drafted("2026-11-02", List.of(new RequiredStakeholder(StakeholderOffice.IGP, ruleIds("S1"))))
        .on("2026-11-03", new ExigentTransferRecorded(ID, LocalDate.parse("2026-11-02"), ExigentAuthority.ICE_DIRECTOR,
            LocalDate.parse("2026-11-09"), null, List.of()));
    StageInterval exigent = only(Stage.EXIGENT_MEMORIALIZATION, StageTimeline.PROGRAM_OFFICE);
    assertThat(exigent.open()).isTrue();
    assertThat(exigent.startDay()).isEqualTo(LocalDate.parse("2026-11-02"));
    on("2026-11-06", new AgreementExecuted(ID, 1, LocalDate.parse("2026-11-06"), LocalDate.parse("2026-11-06"),
        LocalDate.parse("2028-11-06")));
    assertThat(only(Stage.EXIGENT_MEMORIALIZATION, StageTimeline.PROGRAM_OFFICE).duration(BUSINESS_DAYS, null)).isEqualTo(4);
  }

  @Test
  void aWithdrawalSupersedesWhatWasOpen() {
    drafted("2026-11-02", IGP_AND_OPP).on("2026-11-04", new AgreementWithdrawn(ID, AgreementStatus.DRAFT, "dropped"));
    assertThat(timeline().intervals()).isNotEmpty().allMatch(i -> i.outcome() == Outcome.SUPERSEDED);
  }

  @Test
  void anImportedAgreementHasNoStagesAndIsCounted() {
    on("2026-11-02", new ExecutedAgreementImported(ID, PROFILE, Scope.IN_SCOPE, IGP_AND_OPP, List.of(),
        LocalDate.parse("2020-01-02"), null, LocalDate.parse("2022-01-02")));
    assertThat(timeline().imported()).isTrue();
    assertThat(timeline().intervals()).isEmpty();
  }

  @Test
  void anExemptRegistrationHasNoStages() {
    on("2026-11-02", new AgreementDrafted(ID, 1, PROFILE, Scope.OUT_OF_SCOPE_INTERNAL, List.of()));
    assertThat(timeline().intervals()).isEmpty();
    assertThat(timeline().imported()).isFalse();
  }

  @Test
  void saysWhoHeldTheAgreementAtEachMoment() {
    drafted("2026-11-02", IGP_AND_OPP)
        .on("2026-11-05", concur(StakeholderOffice.IGP, 1))
        .on("2026-11-30", concur(StakeholderOffice.OPP, 1))
        .on("2026-12-01", new ClearanceRequested(ID, 1));
    List<Holding> holdings = timeline().holdings();
    assertThat(holdings).extracting(Holding::holders)
        .containsExactly(List.of("IGP", "OPP"), List.of("OPP"), List.of(), List.of("IGP"));
    assertThat(holdings.get(0).from()).isEqualTo(morning("2026-11-02"));
    assertThat(holdings.get(1).from()).isEqualTo(morning("2026-11-05"));
    assertThat(holdings.get(3).to()).isNull();
  }
}

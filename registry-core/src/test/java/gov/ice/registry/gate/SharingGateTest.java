package gov.ice.registry.gate;

import static gov.ice.registry.agreement.AgreementFixtures.PROGRAM;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.AgreementFixtures.Story;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.ExigentMemorialization;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementTerminated;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.ExigentAuthority;
import gov.ice.registry.agreement.api.ExigentTransferRecorded;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyIdentifier;
import gov.ice.registry.agreement.api.PartyKind;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SharingChannel;
import gov.ice.registry.agreement.api.Terms;
import gov.ice.registry.gate.GateDecision.Obligation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The gate's decision table: one test per row, asserting the decision and the first reason, each
 * deny reason once, and permits with their obligations. Agreements are event stories, folded as
 * the ledger knew them at {@code knownAt}.
 */
class SharingGateTest {

  static final Instant START = Instant.parse("2026-01-05T15:00:00Z");
  static final LocalDate EXECUTED = LocalDate.of(2026, 1, 15);
  static final Instant NOW = Instant.parse("2026-12-07T20:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final PartyIdentifier ORI = new PartyIdentifier("ORI", "TX2270000");
  static final Party TEXAS = new Party(AgreementFixtures.STATE_PARTY_NAME, PartyKind.STATE, "US", false, ORI);

  private final Map<String, Story> ledger = new HashMap<>();

  /** Terms with channels and purposes: what a gate-ready agreement states. */
  static Terms gateTerms() {
    Terms t = AgreementFixtures.terms();
    return new Terms(t.purpose(), t.useAlignment(), t.routineUse(), t.authorities(), t.missionNeeds(), t.sharingRequirements(),
        t.thirdPartyConstraints(), t.dataDescription(), t.responsibilities(), t.systems(), t.pointsOfContact(), t.safeguards(),
        t.retention(), t.classificationMarkings(), t.dissemination(), t.auditReporting(), t.effectiveDate(), t.terminationDate(),
        t.terminationNoticeDays(), t.informationSecurity(), t.disposition(), List.of("CRIMINAL_INVESTIGATION", "REMOVAL"),
        List.of(SharingChannel.LEIS_SERVICE, SharingChannel.EXTRACT));
  }

  static AgreementProfile gateProfile() {
    return AgreementFixtures.withParties(AgreementFixtures.withTerms(AgreementFixtures.profile(), gateTerms()), TEXAS);
  }

  static GateRequest ask() {
    return new GateRequest("ORI:TX2270000", null, null, null, GateAction.SHARE, SharingChannel.LEIS_SERVICE,
        InformationCategory.LAW_ENFORCEMENT, true, false, Marking.CUI, false, false, false, "ICE-011 CARIER",
        "CRIMINAL_INVESTIGATION", null, NOW, NOW);
  }

  static GateRequest with(GateRequest r, java.util.function.UnaryOperator<Builder> change) {
    return change.apply(new Builder(r)).build();
  }

  private Story active(String id, AgreementProfile profile) {
    Story story = AgreementFixtures.active(id, START, profile, EXECUTED);
    ledger.put(id, story);
    return story;
  }

  private Story registered(String id, AgreementProfile profile) {
    Story story = AgreementFixtures.story(id, START).then(PROGRAM, new AgreementDrafted(AgreementId.of(id), 1, profile, Scope.EXEMPT,
        List.of()));
    ledger.put(id, story);
    return story;
  }

  private GateDecision decide(GateRequest request, LocalDate day) {
    List<AgreementFacts> states = new ArrayList<>();
    ledger.values().forEach(s -> states.add(SharingGate.knownAt(s.messages(), request.knownAt())));
    return SharingGate.evaluate(request, states, day,
        id -> Optional.ofNullable(ledger.get(id)).map(s -> SharingGate.knownAt(s.messages(), request.knownAt())));
  }

  private GateDecision decide(GateRequest request) {
    return decide(request, TODAY);
  }

  private static String first(GateDecision d) {
    return d.reasons().get(0).id();
  }

  @Test
  void permitsAnActiveAgreementThatCoversItWithItsObligations() {
    active("agr-1", gateProfile());

    GateDecision d = decide(ask());

    assertThat(d.permit()).isTrue();
    assertThat(first(d)).isEqualTo("PERMITTED");
    assertThat(d.basis()).singleElement().satisfies(b -> {
      assertThat(b.agreementId()).isEqualTo("agr-1");
      assertThat(b.status()).isEqualTo("ACTIVE");
    });
    assertThat(d.obligations()).extracting(Obligation::id)
        .containsExactly("APPLY_MARKING", "NO_ONWARD_SHARING_WITHOUT_CONSENT", "RETENTION_LIMIT", "ACCOUNT_FOR_DISCLOSURE");
    assertThat(d.obligations()).allSatisfy(o -> {
      assertThat(o.agreementId()).isEqualTo("agr-1");
      assertThat(o.term()).startsWith("terms.");
      assertThat(o.citation()).isNotBlank();
    });
  }

  @Test
  void permitsByNameKindAndCountryWithoutAnIdentifier() {
    active("agr-1", gateProfile());

    GateDecision d = decide(with(ask(), b -> b.partner(null, "texas department of public safety", PartyKind.STATE, "US")));

    assertThat(d.permit()).isTrue();
  }

  @Test
  void permitsWithoutAccountingWhenNoSystemOfRecordsIsNamed() {
    active("agr-1", gateProfile());

    GateDecision d = decide(with(ask(), b -> b.systemOfRecords(null)));

    assertThat(d.obligations()).extracting(Obligation::id).doesNotContain("ACCOUNT_FOR_DISCLOSURE");
  }

  @Test
  void deniesAPartnerWithNoAgreement() {
    active("agr-1", gateProfile());

    GateDecision d = decide(with(ask(), b -> b.partner("ORI:OH0000000", null, null, null)));

    assertThat(d.permit()).isFalse();
    assertThat(first(d)).isEqualTo("NO_COVERING_AGREEMENT");
  }

  @Test
  void deniesWhenTwoPartiesCouldMatchTheName() {
    active("agr-1", AgreementFixtures.withParties(gateProfile(), new Party("Springfield Police Department", PartyKind.LOCAL, "US", false)));
    active("agr-2", AgreementFixtures.withParties(gateProfile(), new Party("Springfield Police Department", PartyKind.LOCAL, "CA", false)));

    GateDecision d = decide(with(ask(), b -> b.partner(null, "Springfield Police Department", null, null)));

    assertThat(d.permit()).isFalse();
    assertThat(first(d)).isEqualTo("PARTY_AMBIGUOUS");
  }

  @Test
  void deniesSection1367InformationWithoutACitedException() {
    active("agr-1", gateProfile());

    GateDecision d = decide(with(ask(), b -> b.section1367(true)));

    assertThat(first(d)).isEqualTo("B1");
    assertThat(d.permit()).isFalse();
  }

  @Test
  void deniesProtectedApplicationsWithoutACitedException() {
    active("agr-1", gateProfile());

    GateDecision d = decide(with(ask(), b -> b.protectedApplications(true)));

    assertThat(first(d)).isEqualTo("B2");
  }

  @Test
  void deniesClassifiedInformationAlways() {
    active("agr-1", gateProfile());

    GateDecision d = decide(with(ask(), b -> b.marking(Marking.SECRET)));

    assertThat(first(d)).isEqualTo("B3");
  }

  @Test
  void deniesATerminatedAgreementWithItsDate() {
    active("agr-1", gateProfile()).then(PROGRAM, new AgreementTerminated(AgreementId.of("agr-1"), "mission ended",
        LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 30), false));

    GateDecision d = decide(ask());

    assertThat(first(d)).isEqualTo("AGREEMENT_TERMINATED");
    assertThat(d.reasons().get(0).date()).isEqualTo(LocalDate.of(2026, 6, 30));
  }

  @Test
  void terminationTakesEffectAtTheStartOfItsDay() {
    active("agr-1", gateProfile()).then(PROGRAM, new AgreementTerminated(AgreementId.of("agr-1"), "mission ended",
        LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 30), false));

    assertThat(decide(ask(), LocalDate.of(2026, 6, 29)).permit()).as("the day before").isTrue();
    assertThat(decide(ask(), LocalDate.of(2026, 6, 29)).advice()).extracting(GateDecision.Advice::id).contains("TERMINATION_SCHEDULED");
    assertThat(first(decide(ask(), LocalDate.of(2026, 6, 30)))).as("the day of").isEqualTo("AGREEMENT_TERMINATED");
  }

  @Test
  void aTerminationRecordedLaterDeniesOnlyFromWhenItWasRecorded() {
    // Recorded on 10 July with effect from 30 June: the registry as known on 5 July permitted; as known on 11 July, it denies.
    active("agr-1", gateProfile()).at(Instant.parse("2026-07-10T14:00:00Z")).then(PROGRAM, new AgreementTerminated(
        AgreementId.of("agr-1"), "partner breach", LocalDate.of(2026, 7, 10), LocalDate.of(2026, 6, 30), false));
    Instant time = Instant.parse("2026-07-03T15:00:00Z");
    LocalDate day = LocalDate.of(2026, 7, 3);

    GateDecision knownOnFifth = decide(with(ask(), b -> b.time(time).knownAt(Instant.parse("2026-07-05T12:00:00Z"))), day);
    GateDecision knownOnEleventh = decide(with(ask(), b -> b.time(time).knownAt(Instant.parse("2026-07-11T12:00:00Z"))), day);

    assertThat(knownOnFifth.permit()).isTrue();
    assertThat(knownOnEleventh.permit()).isFalse();
    assertThat(first(knownOnEleventh)).isEqualTo("AGREEMENT_TERMINATED");
  }

  @Test
  void deniesAnExpiredAgreement() {
    active("agr-1", gateProfile());

    assertThat(decide(ask(), LocalDate.of(2030, 1, 14)).permit()).as("through its termination date").isTrue();
    assertThat(first(decide(ask(), LocalDate.of(2030, 1, 15)))).isEqualTo("AGREEMENT_EXPIRED");
  }

  @Test
  void deniesADraftAsNotYetEffective() {
    ledger.put("agr-1", AgreementFixtures.drafted("agr-1", START, gateProfile()));

    assertThat(first(decide(ask()))).isEqualTo("NOT_YET_EFFECTIVE");
  }

  @Test
  void deniesAnExecutedAgreementBeforeItsEffectiveDate() {
    active("agr-1", gateProfile());

    assertThat(first(decide(ask(), LocalDate.of(2026, 1, 14)))).isEqualTo("NOT_YET_EFFECTIVE");
  }

  @Test
  void deniesAnotherCategory() {
    active("agr-1", gateProfile());

    assertThat(first(decide(with(ask(), b -> b.category(InformationCategory.BUSINESS_OPERATIONS))))).isEqualTo("CATEGORY_NOT_COVERED");
  }

  @Test
  void deniesSensitivePiiTheAgreementDoesNotCover() {
    active("agr-1", gateProfile());

    assertThat(first(decide(with(ask(), b -> b.sensitivePii(true))))).isEqualTo("PII_NOT_COVERED");
  }

  @Test
  void deniesAMarkingAboveTheAgreementsAndCoversOnesBelow() {
    active("agr-1", gateProfile());

    assertThat(first(decide(with(ask(), b -> b.marking(Marking.LES))))).isEqualTo("MARKING_EXCEEDS_AGREEMENT");
    assertThat(decide(with(ask(), b -> b.marking(Marking.FOUO))).permit()).as("CUI covers FOUO (the table)").isTrue();
    assertThat(decide(with(ask(), b -> b.marking(Marking.NONE))).permit()).isTrue();
  }

  @Test
  void deniesAChannelTheTermsDoNotName() {
    active("agr-1", gateProfile());

    assertThat(first(decide(with(ask(), b -> b.channel(SharingChannel.SYSTEM_ACCESS))))).isEqualTo("CHANNEL_NOT_COVERED");
  }

  @Test
  void deniesEveryChannelUnderTermsThatNameNoneAndAdvisesAnAmendment() {
    active("agr-1", AgreementFixtures.withParties(AgreementFixtures.profile(), TEXAS));

    GateDecision d = decide(ask());

    assertThat(first(d)).isEqualTo("CHANNEL_NOT_COVERED");
    assertThat(d.advice()).extracting(GateDecision.Advice::id).contains("TERMS_NAME_NO_CHANNELS");
  }

  @Test
  void deniesABulkTransferTheAgreementWasNotDraftedFor() {
    active("agr-1", gateProfile());

    assertThat(first(decide(with(ask(), b -> b.bulk(true))))).isEqualTo("CHANNEL_NOT_COVERED");
  }

  @Test
  void deniesAPurposeNotPermitted() {
    active("agr-1", gateProfile());

    assertThat(first(decide(with(ask(), b -> b.purpose("IMMIGRATION_BENEFITS"))))).isEqualTo("PURPOSE_NOT_COVERED");
  }

  @Test
  void deniesOnwardSharingWithAThirdPartyOutsideTheAgreement() {
    active("agr-1", gateProfile());

    GateDecision d = decide(with(ask(), b -> b.action(GateAction.REDISSEMINATE).thirdParty("Acme Data Brokers")));

    assertThat(first(d)).isEqualTo("NO_COVERING_AGREEMENT");
  }

  @Test
  void permitsALiaisonInstrumentThroughItsActiveParentAndDeniesThroughATerminatedOne() {
    active("parent", AgreementFixtures.withParties(gateProfile(), new Party("Other Agency", PartyKind.STATE, "US", false)));
    registered("liaison", AgreementFixtures.withExemption(gateProfile(), Exemption.of(9, "liaison officers", null, "parent")));

    assertThat(decide(ask()).permit()).isTrue();

    ledger.get("parent").then(PROGRAM, new AgreementTerminated(AgreementId.of("parent"), "ended", LocalDate.of(2026, 10, 1),
        LocalDate.of(2026, 11, 1), true));
    GateDecision d = decide(with(ask(), b -> b.knownAt(Instant.parse("2099-01-01T00:00:00Z"))));
    assertThat(d.permit()).isFalse();
    assertThat(first(d)).isEqualTo("PARENT_NOT_ACTIVE");
  }

  @Test
  void deniesAnExemptionThatNeedsJudgementWithAdviceNamingIt() {
    registered("adhoc", AgreementFixtures.withExemption(gateProfile(), Exemption.of(5, "one-time request", null, null)));

    GateDecision d = decide(ask());

    assertThat(first(d)).isEqualTo("NO_COVERING_AGREEMENT");
    assertThat(d.advice()).extracting(GateDecision.Advice::id).contains("EXEMPTION_MAY_APPLY");
  }

  @Test
  void exigentSharingAroundThanksgiving2026IsOpenThroughTheFifthBusinessDay() {
    // Transferred Wednesday 25 November 2026; Thursday 26 (Thanksgiving) is no business day: the deadline is Thursday 3 December.
    LocalDate transferred = LocalDate.of(2026, 11, 25);
    LocalDate deadline = ExigentMemorialization.deadline(transferred);
    assertThat(deadline).isEqualTo(LocalDate.of(2026, 12, 3));
    AgreementFixtures.drafted("exigent", START, gateProfile());
    Story story = AgreementFixtures.drafted("exigent", START, gateProfile()).then(PROGRAM, new ExigentTransferRecorded(
        AgreementId.of("exigent"), transferred, ExigentAuthority.ICE_DIRECTOR, deadline, null, List.of()));
    ledger.put("exigent", story);

    GateDecision onDeadline = decide(ask(), LocalDate.of(2026, 12, 3));
    GateDecision dayAfter = decide(ask(), LocalDate.of(2026, 12, 4));
    GateDecision otherRecipient = decide(with(ask(), b -> b.partner("ORI:OH0000000", null, null, null)), LocalDate.of(2026, 11, 27));

    assertThat(onDeadline.permit()).isTrue();
    assertThat(onDeadline.obligations()).extracting(Obligation::id).contains("MEMORIALIZE_EXIGENT_SHARING");
    assertThat(first(dayAfter)).isEqualTo("EXIGENT_WINDOW_CLOSED");
    assertThat(otherRecipient.permit()).as("only the recorded recipient").isFalse();
  }

  @Test
  void thePolicyHashChangesWithItsRules() {
    assertThat(SharingGate.POLICY.hash()).hasSize(64);
    assertThat(GatePolicy.of(GatePolicy.VERSION, SharingGate.RULES.subList(1, SharingGate.RULES.size())).hash())
        .isNotEqualTo(SharingGate.POLICY.hash());
    assertThat(Coverage.MARKING_TABLE.get(Marking.LES)).contains(Marking.FOUO, Marking.CUI, Marking.NONE, Marking.LES);
  }

  /** Changes one field of a request. */
  static final class Builder {
    private String partnerId;
    private String name;
    private PartyKind kind;
    private String country;
    private GateAction action;
    private SharingChannel channel;
    private InformationCategory category;
    private boolean pii;
    private boolean sensitivePii;
    private Marking marking;
    private boolean bulk;
    private boolean section1367;
    private boolean protectedApplications;
    private String systemOfRecords;
    private String purpose;
    private String thirdParty;
    private Instant time;
    private Instant knownAt;

    Builder(GateRequest r) {
      partnerId = r.partnerId();
      name = r.partnerName();
      kind = r.partnerKind();
      country = r.partnerCountry();
      action = r.action();
      channel = r.channel();
      category = r.category();
      pii = r.pii();
      sensitivePii = r.sensitivePii();
      marking = r.marking();
      bulk = r.bulk();
      section1367 = r.section1367();
      protectedApplications = r.protectedApplications();
      systemOfRecords = r.systemOfRecords();
      purpose = r.purpose();
      thirdParty = r.thirdParty();
      time = r.time();
      knownAt = r.knownAt();
    }

    Builder partner(String id, String n, PartyKind k, String c) {
      partnerId = id;
      name = n;
      kind = k;
      country = c;
      return this;
    }

    Builder action(GateAction a) {
      action = a;
      return this;
    }

    Builder channel(SharingChannel c) {
      channel = c;
      return this;
    }

    Builder category(InformationCategory c) {
      category = c;
      return this;
    }

    Builder sensitivePii(boolean b) {
      sensitivePii = b;
      return this;
    }

    Builder marking(Marking m) {
      marking = m;
      return this;
    }

    Builder bulk(boolean b) {
      bulk = b;
      return this;
    }

    Builder section1367(boolean b) {
      section1367 = b;
      return this;
    }

    Builder protectedApplications(boolean b) {
      protectedApplications = b;
      return this;
    }

    Builder systemOfRecords(String s) {
      systemOfRecords = s;
      return this;
    }

    Builder purpose(String p) {
      purpose = p;
      return this;
    }

    Builder thirdParty(String t) {
      thirdParty = t;
      return this;
    }

    Builder time(Instant t) {
      time = t;
      return this;
    }

    Builder knownAt(Instant k) {
      knownAt = k;
      return this;
    }

    GateRequest build() {
      return new GateRequest(partnerId, name, kind, country, action, channel, category, pii, sensitivePii, marking, bulk, section1367,
          protectedApplications, systemOfRecords, purpose, thirdParty, time, knownAt);
    }
  }
}

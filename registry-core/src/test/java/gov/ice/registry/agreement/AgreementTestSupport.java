package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.STATE_PARTY_NAME;
import static gov.ice.registry.agreement.AgreementFixtures.agreementId;
import static gov.ice.registry.agreement.AgreementFixtures.profile;

import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.AttachDocument;
import gov.ice.registry.agreement.api.ClearanceDecision;
import gov.ice.registry.agreement.api.ConcurrenceDecision;
import gov.ice.registry.agreement.api.DecideClearance;
import gov.ice.registry.agreement.api.DocumentKind;
import gov.ice.registry.agreement.api.DraftAgreement;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RecordConcurrence;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RequestClearance;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.SignAgreement;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.SignatureRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;

/**
 * The aggregate on Axon's test fixture, with a fixed clock (today is 2026-11-22 in Washington)
 * and an in-memory directory of other agreements. Commands that take the standard agreement
 * ({@link AgreementFixtures#profile()}) to each stage of its life are built here, so each test
 * states only the step it is about.
 */
abstract class AgreementTestSupport {

  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T15:00:00Z"), ZONE);
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  static final AgreementId ID = agreementId();

  final Map<String, AgreementStatus> directory = new HashMap<>();
  FixtureConfiguration<Agreement> fixture;

  @BeforeEach
  void createFixture() {
    fixture = new AggregateTestFixture<>(Agreement.class);
    fixture.registerInjectableResource(CLOCK);
    fixture.registerInjectableResource((AgreementDirectory) id -> Optional.ofNullable(directory.get(id.value())));
    fixture.registerCommandTargetResolver(new AgreementModule.ExpectedVersionTargetResolver());
  }

  /**
   * The events {@code commands} decide, as the stages decide them: what a late stage's test is
   * given, so it exercises only its own step (see {@link AgreementFixtures#history}).
   */
  List<AgreementEvent> history(List<?> commands) {
    return AgreementFixtures.history(commands, id -> Optional.ofNullable(directory.get(id.value())), TODAY);
  }

  static DraftAgreement draft() {
    return draft(profile());
  }

  static DraftAgreement draft(AgreementProfile profile) {
    return new DraftAgreement(ID, profile);
  }

  /** Every stakeholder {@code profile} requires, concurring on {@code version}. */
  static List<Object> concurrences(AgreementProfile profile, int version) {
    return StakeholderRule.requiredFor(profile).stream()
        .map(s -> (Object) new RecordConcurrence(ID, s.office(), ConcurrenceDecision.CONCUR, version, "concur"))
        .toList();
  }

  static List<Object> drafted() {
    return List.of(draft());
  }

  static List<Object> readyForClearance() {
    return plus(drafted(), concurrences(profile(), 1));
  }

  static List<Object> inClearance() {
    return plus(readyForClearance(), List.of(new RequestClearance(ID)));
  }

  static List<Object> cleared() {
    return plus(inClearance(), List.of(new DecideClearance(ID, ClearanceDecision.CLEARED, "cleared")));
  }

  static SignAgreement iceSignature(SignatoryAuthority authority, LocalDate on) {
    return new SignAgreement(ID, new SignatureRecord(PartyName.ICE, authority, "Alex Morgan", "Executive Associate Director", on));
  }

  static SignAgreement partySignature(String party, LocalDate on) {
    return new SignAgreement(ID, new SignatureRecord(PartyName.of(party), null, "Casey Lee", "Director", on));
  }

  /** The signed agreement as a PDF, attached by its SHA-256 ({@code EXECUTED_COPY_ON_FILE}). */
  static AttachDocument executedCopy() {
    return new AttachDocument(ID, "executed-copy", "e".repeat(64), 2048, "application/pdf", "executed.pdf",
        DocumentKind.EXECUTED_COPY, null);
  }

  /**
   * The standard agreement signed by the HSI EAD and the state party, executed on 2026-02-02: its
   * executed copy, attached after the last signature, makes it ACTIVE.
   */
  static List<Object> active() {
    return plus(cleared(), List.of(
        iceSignature(SignatoryAuthority.HSI_EAD, LocalDate.of(2026, 2, 1)),
        partySignature(STATE_PARTY_NAME, LocalDate.of(2026, 2, 2)),
        executedCopy()));
  }

  static List<Object> plus(List<Object> first, List<Object> more) {
    List<Object> all = new ArrayList<>(first);
    all.addAll(more);
    return all;
  }

  static List<Object> plus(List<Object> first, Object... more) {
    return plus(first, Arrays.asList(more));
  }

  /** The command was refused with this code and exactly these rule ids. */
  static Matcher<AgreementRefused> refused(RefusalCode code, String... rules) {
    return new TypeSafeMatcher<>() {
      @Override
      protected boolean matchesSafely(AgreementRefused refusal) {
        return refusal.code() == code && RuleId.names(refusal.rules()).equals(List.of(rules));
      }

      @Override
      public void describeTo(Description description) {
        description.appendText("a refusal " + code + " citing " + List.of(rules));
      }

      @Override
      protected void describeMismatchSafely(AgreementRefused refusal, Description description) {
        description.appendText("was " + refusal.code() + " citing " + refusal.rules() + ": " + refusal.getMessage());
      }
    };
  }
}

package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.dataProfile;
import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.profileWith;
import static gov.ice.registry.agreement.AgreementFixtures.terms;
import static gov.ice.registry.agreement.AgreementFixtures.withExemption;
import static gov.ice.registry.agreement.AgreementFixtures.withParties;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AgreementExecuted;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.DataProfile;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.ExemptionNumber;
import gov.ice.registry.agreement.api.Marking;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Other tests rely on the fixtures meaning what they say: a builder that dropped a field would mislead them all. */
class AgreementFixturesTest {

  @Test
  void copiesEveryFieldWhenNothingChanges() {
    DataProfile everythingSet = new DataProfile(
        true, true, Marking.LES, true, true, true, true, true, true, true, "8 U.S.C. 1367(b)(2)", true, true, true, true, true, true);

    assertThat(new AgreementFixtures.DataProfileBuilder(everythingSet).build()).isEqualTo(everythingSet);
    assertThat(terms(t -> t)).isEqualTo(terms());
  }

  @Test
  void changesOnlyWhatATestAsksFor() {
    AgreementProfile changed = profileWith(d -> d.sensitivePii(true).marking(Marking.LES));

    assertThat(changed.dataProfile()).usingRecursiveComparison()
        .ignoringFields("sensitivePii", "marking")
        .isEqualTo(dataProfile());
    assertThat(changed.dataProfile().sensitivePii()).isTrue();
    assertThat(changed.dataProfile().marking()).isEqualTo(Marking.LES);
    assertThat(changed).usingRecursiveComparison().ignoringFields("dataProfile").isEqualTo(profile());
    assertThat(terms(t -> t.purpose(null))).usingRecursiveComparison().ignoringFields("purpose").isEqualTo(terms());
  }

  @Test
  void describesACompleteInScopeAgreement() {
    AgreementProfile profile = profile();

    assertThat(profile.exemption()).isNull();
    assertThat(profile.parties()).singleElement().satisfies(party -> assertThat(party.name()).isEqualTo("Texas Department of Public Safety"));
    // The sharing gate's purposes and channels are optional: a complete baseline does not need them.
    assertThat(profile.terms()).hasNoNullFieldsOrPropertiesExcept("permittedPurposes", "channels");
    assertThat(profile.terms().effectiveDate()).isEqualTo(LocalDate.of(2026, 1, 15));
    assertThat(profile.terms().terminationDate()).isEqualTo(LocalDate.of(2030, 1, 14));
    assertThat(withParties(profile, AgreementFixtures.foreignGovernment()).hasInternationalParty()).isTrue();
    assertThat(withExemption(profile, Exemption.of(7, "reason", "HSI_EAD", null)).exemption().number()).isEqualTo(ExemptionNumber.of(7));
  }

  @Test
  void tellsAStoryAsTheLedgerHoldsIt() {
    Instant start = Instant.parse("2026-01-05T14:00:00Z");
    LocalDate executedOn = LocalDate.of(2026, 1, 20);

    AgreementFixtures.Story story = AgreementFixtures.active("A-1", start, profile(), executedOn);

    assertThat(story.messages()).extracting(m -> m.getSequenceNumber()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(story.messages().get(1).getTimestamp()).isEqualTo(start.plusSeconds(60));
    assertThat(Actor.fromMetadata(story.messages().get(0).getMetaData())).isEqualTo(AgreementFixtures.PROGRAM);
    assertThat(story.messages().get(7).getPayload()).isInstanceOfSatisfying(AgreementExecuted.class,
        executed -> assertThat(executed.nextReviewDue()).isEqualTo(BiennialReview.dueAfter(profile().terms().effectiveDate())));
    AgreementState state = AgreementState.replay(story.messages().stream()
        .map(m -> (AgreementEvent) m.getPayload()).toList());
    assertThat(state.status()).isEqualTo(AgreementStatus.ACTIVE);
    assertThat(state.signatures()).hasSize(2);
  }
}

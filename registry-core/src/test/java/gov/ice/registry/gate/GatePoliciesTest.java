package gov.ice.registry.gate;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.agreement.api.Marking;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A logged decision replays under the policy recorded with it, found by its hash, not under
 * today's: here an earlier policy whose marking table let CUI agreements cover FOUO only.
 */
class GatePoliciesTest {

  /** What the earlier release's table said: CUI agreements did not yet cover CUI information itself. */
  static final String EARLIER_TABLE = """
      NONE,NONE
      FOUO,FOUO,NONE
      CUI,FOUO,NONE
      LES,LES,CUI,FOUO,NONE
      SECRET
      TOP_SECRET
      """;

  private final AgreementFacts texas = SharingGate.knownAt(
      AgreementFixtures.active("agr-1", SharingGateTest.START, SharingGateTest.gateProfile(), SharingGateTest.EXECUTED).messages(),
      SharingGateTest.NOW);

  private GateDecision decide(GatePolicy policy, GateRequest request) {
    return SharingGate.evaluate(policy, request, List.of(texas), SharingGateTest.TODAY, id -> Optional.empty());
  }

  @Test
  void findsTodaysPolicyByTheHashEveryDecisionRecords() {
    assertThat(GatePolicies.RELEASED.find(SharingGate.POLICY.hash())).containsSame(SharingGate.POLICY);
    assertThat(GatePolicies.RELEASED.find("0".repeat(64))).isEmpty();
    assertThat(GatePolicies.RELEASED.find(null)).isEmpty();
  }

  @Test
  void todaysTableRebuiltAsDataHasTodaysHash() {
    assertThat(GatePolicy.withMarkingTable(GatePolicy.VERSION, Coverage.MARKING_TABLE_TEXT).hash()).isEqualTo(SharingGate.POLICY.hash());
  }

  @Test
  void aDecisionReplaysUnderTheRecordedPolicyNotTodays() {
    GatePolicy earlier = GatePolicy.withMarkingTable("2026.11.1", EARLIER_TABLE);
    GatePolicies released = new GatePolicies(List.of(earlier, SharingGate.POLICY));
    GateRequest cui = SharingGateTest.with(SharingGateTest.ask(), b -> b.marking(Marking.CUI));
    GateDecision recorded = decide(earlier, cui);

    GateDecision underRecorded = decide(released.find(earlier.hash()).orElseThrow(), cui);
    GateDecision underToday = decide(SharingGate.POLICY, cui);

    assertThat(earlier.hash()).isNotEqualTo(SharingGate.POLICY.hash());
    assertThat(recorded.permit()).isFalse();
    assertThat(recorded.reasons().get(0).id()).isEqualTo("MARKING_EXCEEDS_AGREEMENT");
    assertThat(underRecorded).isEqualTo(recorded);
    assertThat(underToday.permit()).isTrue();
  }
}

package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.AgreementFixtures.profile;
import static gov.ice.registry.agreement.AgreementFixtures.profileWith;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.Marking;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BlockingRuleTest {

  @Test
  @DisplayName("B1: section 1367 data without a statutory exception is blocked")
  void b1BlocksSection1367DataWithoutException() {
    assertThat(BlockingRule.violatedBy(profileWith(d -> d.section1367(true)))).containsExactly(BlockingRule.B1);
  }

  @Test
  @DisplayName("B1: section 1367 data with a cited exception is not blocked")
  void b1AllowsSection1367DataWithCitedException() {
    assertThat(BlockingRule.violatedBy(profileWith(d -> d.section1367(true).exceptionCitation("8 U.S.C. 1367(b)(2)")))).isEmpty();
  }

  @Test
  @DisplayName("B1: a blank citation is no exception")
  void b1TreatsBlankCitationAsNone() {
    assertThat(BlockingRule.violatedBy(profileWith(d -> d.section1367(true).exceptionCitation("  ")))).contains(BlockingRule.B1);
  }

  @Test
  @DisplayName("B2: protected applications (asylum, TPS, S visa, 222(f)...) without an exception are blocked")
  void b2BlocksProtectedApplicationsWithoutException() {
    assertThat(BlockingRule.violatedBy(profileWith(d -> d.protectedApplications(true)))).containsExactly(BlockingRule.B2);
  }

  @Test
  @DisplayName("B2: protected applications with a cited exception are not blocked")
  void b2AllowsProtectedApplicationsWithException() {
    assertThat(BlockingRule.violatedBy(profileWith(d -> d.protectedApplications(true).exceptionCitation("8 C.F.R. 208.6(c)"))))
        .isEmpty();
  }

  @Test
  @DisplayName("B3: SECRET and TOP_SECRET agreements never enter this registry")
  void b3BlocksClassifiedAgreements() {
    assertThat(BlockingRule.violatedBy(profileWith(d -> d.marking(Marking.SECRET)))).containsExactly(BlockingRule.B3);
    assertThat(BlockingRule.violatedBy(profileWith(d -> d.marking(Marking.TOP_SECRET)))).containsExactly(BlockingRule.B3);
  }

  @Test
  @DisplayName("B3: CUI, FOUO and LES are unclassified and allowed")
  void b3AllowsControlledUnclassifiedMarkings() {
    for (Marking marking : new Marking[] {Marking.NONE, Marking.CUI, Marking.FOUO, Marking.LES}) {
      assertThat(BlockingRule.violatedBy(profileWith(d -> d.marking(marking)))).isEmpty();
    }
  }

  @Test
  @DisplayName("B1, B2, B3: every violated rule is reported, not only the first")
  void reportsEveryViolatedRule() {
    assertThat(BlockingRule.violatedBy(profileWith(d -> d.section1367(true).protectedApplications(true).marking(Marking.SECRET))))
        .containsExactly(BlockingRule.B1, BlockingRule.B2, BlockingRule.B3);
    assertThat(BlockingRule.violatedBy(profile())).isEmpty();
  }
}

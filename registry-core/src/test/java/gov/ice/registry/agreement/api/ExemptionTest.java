package gov.ice.registry.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExemptionTest {

  @Test
  void readsTheApprovingAuthorityAsTheOfficeWroteIt() {
    assertThat(Exemption.of(7, "reason", "HSI_EAD", null).approvingAuthority()).contains(SignatoryAuthority.HSI_EAD);
    assertThat(Exemption.of(7, "reason", " ero ead", null).approvingAuthority()).contains(SignatoryAuthority.ERO_EAD);
    assertThat(Exemption.of(7, "reason", "Ero-Ead", null).approvingAuthority()).contains(SignatoryAuthority.ERO_EAD);
  }

  @Test
  void keepsTheApproverAsWrittenAndTheNumberAsClaimed() {
    Exemption exemption = Exemption.of(17, "reason", "hsi ead", null);

    assertThat(exemption.approvedBy()).isEqualTo(ApprovingAuthority.of("hsi ead"));
    assertThat(exemption.approvedBy().signatoryAuthority()).contains(SignatoryAuthority.HSI_EAD);
    assertThat(exemption.number()).isEqualTo(ExemptionNumber.of(17)).hasToString("17");
  }

  @Test
  void namesNoAuthorityWhenNoneIsWrittenOrKnown() {
    assertThat(Exemption.of(7, "reason", null, null).approvingAuthority()).isEmpty();
    assertThat(Exemption.of(7, "reason", "the Director", null).approvingAuthority()).isEmpty();
  }
}

package gov.ice.registry.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExemptionTest {

  @Test
  void readsTheApprovingAuthorityAsTheOfficeWroteIt() {
    assertThat(new Exemption(7, "reason", "HSI_EAD", null).approvingAuthority()).contains(SignatoryAuthority.HSI_EAD);
    assertThat(new Exemption(7, "reason", " ero ead", null).approvingAuthority()).contains(SignatoryAuthority.ERO_EAD);
    assertThat(new Exemption(7, "reason", "Ero-Ead", null).approvingAuthority()).contains(SignatoryAuthority.ERO_EAD);
  }

  @Test
  void namesNoAuthorityWhenNoneIsWrittenOrKnown() {
    assertThat(new Exemption(7, "reason", null, null).approvingAuthority()).isEmpty();
    assertThat(new Exemption(7, "reason", "the Director", null).approvingAuthority()).isEmpty();
  }
}

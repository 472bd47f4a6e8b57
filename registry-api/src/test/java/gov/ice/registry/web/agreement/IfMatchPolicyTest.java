package gov.ice.registry.web.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IfMatchPolicyTest {

  @Test
  void optionalLetsACommandRunWithoutIfMatch() {
    IfMatchPolicy optional = new IfMatchPolicy("optional");
    assertThat(optional.expectedVersion(null)).isNull();
    assertThat(optional.expectedVersion(" ")).isNull();
    assertThat(optional.expectedVersion("\"7\"")).isEqualTo(7L);
  }

  @Test
  void requiredRefusesAMissingOrBlankIfMatchAndNamesTheHeader() {
    IfMatchPolicy required = new IfMatchPolicy("REQUIRED");
    assertThatThrownBy(() -> required.expectedVersion(null)).isInstanceOf(PreconditionRequired.class).hasMessageContaining("If-Match");
    assertThatThrownBy(() -> required.expectedVersion("")).isInstanceOf(PreconditionRequired.class);
  }

  @Test
  void requiredTakesAVersionOrAnyVersionAndStillRefusesAWeakTag() {
    IfMatchPolicy required = new IfMatchPolicy(" required ");
    assertThat(required.expectedVersion("\"3\"")).isEqualTo(3L);
    assertThat(required.expectedVersion("*")).isNull();
    assertThatThrownBy(() -> required.expectedVersion("W/\"3\"")).isInstanceOf(PreconditionFailed.class);
  }

  @Test
  void refusesToStartWithASettingItDoesNotKnow() {
    assertThatThrownBy(() -> new IfMatchPolicy("always")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("REGISTRY_API_IF_MATCH").hasMessageContaining("always");
  }
}

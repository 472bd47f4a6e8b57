package gov.ice.registry.agreement.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PartyNameTest {

  @Test
  void namesIceHoweverItIsWritten() {
    assertThat(PartyName.of("ICE").isIce()).isTrue();
    assertThat(PartyName.of(" ice ").isIce()).isTrue();
    assertThat(PartyName.of("ICE Partner Agency").isIce()).isFalse();
  }

  @Test
  void matchesTheSamePartyTrimmedAndWhateverTheCase() {
    assertThat(PartyName.of("Texas DPS ").matches(PartyName.of("texas dps"))).isTrue();
    assertThat(PartyName.of("Texas DPS").matches(PartyName.of("Texas DOT"))).isFalse();
    assertThat(PartyName.of("Texas DPS").matches(null)).isFalse();
  }

  @Test
  void aRecordedNameComparesExactlyAsRecorded() {
    assertThat(PartyName.of("ICE")).isEqualTo(PartyName.ICE);
    assertThat(PartyName.of("ice")).isNotEqualTo(PartyName.ICE);
    assertThat(PartyName.of(" ").isBlank()).isTrue();
    assertThat(PartyName.of("Texas DPS")).hasToString("Texas DPS");
  }

  @Test
  void aRecordedSignatureIsIcesOnlyAsTheRegistryRecordsIt() {
    LocalDate on = LocalDate.of(2026, 2, 1);

    assertThat(new SignatureRecord(PartyName.ICE, SignatoryAuthority.HSI_EAD, "A", "EAD", on).signedForIce()).isTrue();
    assertThat(new SignatureRecord(PartyName.of("Texas DPS"), null, "B", "Director", on).signedForIce()).isFalse();
    assertThat(new SignatureRecord(null, null, "C", "Director", on).signedForIce()).isFalse();
  }
}

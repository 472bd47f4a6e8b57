package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.api.DisseminationControl.DISPLAY_ONLY;
import static gov.ice.registry.agreement.api.DisseminationControl.DL_ONLY;
import static gov.ice.registry.agreement.api.DisseminationControl.FEDCON;
import static gov.ice.registry.agreement.api.DisseminationControl.FED_ONLY;
import static gov.ice.registry.agreement.api.DisseminationControl.NOCON;
import static gov.ice.registry.agreement.api.DisseminationControl.NOFORN;
import static gov.ice.registry.agreement.api.DisseminationControl.REL_TO;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.CuiCategories;
import gov.ice.registry.agreement.api.DisseminationControl;
import gov.ice.registry.agreement.api.Handling;
import gov.ice.registry.agreement.api.Marking;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HandlingRuleTest {

  private static Handling handling(List<String> categories, List<DisseminationControl> controls, List<String> relTo, List<String> list) {
    return new Handling(categories, controls, relTo, list, "HSI");
  }

  private static Handling controls(DisseminationControl... controls) {
    return handling(List.of(), List.of(controls), List.of(), List.of());
  }

  @Test
  @DisplayName("HANDLING_1: REL TO together with NOFORN is refused")
  void relToWithNoforn() {
    assertThat(HandlingRule.violatedBy(Marking.CUI, handling(List.of(), List.of(REL_TO, NOFORN), List.of("USA", "GBR"), List.of())))
        .containsExactly(HandlingRule.HANDLING_1);
  }

  @Test
  @DisplayName("HANDLING_2: DL ONLY with an empty list is refused; with a list it stands")
  void dlOnlyNeedsAList() {
    assertThat(HandlingRule.violatedBy(Marking.CUI, controls(DL_ONLY))).containsExactly(HandlingRule.HANDLING_2);
    assertThat(HandlingRule.violatedBy(Marking.CUI, handling(List.of(), List.of(DL_ONLY), List.of(), List.of("pat", "HSI")))).isEmpty();
  }

  @Test
  @DisplayName("HANDLING_3: REL TO without USA, or with a code that is no alpha-3 code, is refused")
  void relToNeedsUsa() {
    assertThat(HandlingRule.violatedBy(Marking.CUI, handling(List.of(), List.of(REL_TO), List.of("GBR"), List.of())))
        .containsExactly(HandlingRule.HANDLING_3);
    assertThat(HandlingRule.violatedBy(Marking.CUI, handling(List.of(), List.of(REL_TO), List.of("USA", "UK"), List.of())))
        .containsExactly(HandlingRule.HANDLING_3);
    assertThat(HandlingRule.violatedBy(Marking.CUI, handling(List.of(), List.of(REL_TO), List.of("usa", "gbr"), List.of()))).isEmpty();
  }

  @Test
  @DisplayName("HANDLING_4: FED ONLY together with FEDCON is refused")
  void fedOnlyWithFedcon() {
    assertThat(HandlingRule.violatedBy(Marking.CUI, controls(FED_ONLY, FEDCON))).containsExactly(HandlingRule.HANDLING_4);
  }

  @Test
  @DisplayName("HANDLING_5: a category off the CUI Registry's list, or Specified where only Basic is, is refused")
  void categoriesFromTheList() {
    assertThat(HandlingRule.violatedBy(Marking.CUI, handling(List.of("SP-PRVCY", "LEI"), List.of(), List.of(), List.of()))).isEmpty();
    assertThat(HandlingRule.violatedBy(Marking.CUI, handling(List.of("NOTACATEGORY"), List.of(), List.of(), List.of())))
        .containsExactly(HandlingRule.HANDLING_5);
    assertThat(HandlingRule.violatedBy(Marking.CUI, handling(List.of("SP-INV"), List.of(), List.of(), List.of())))
        .containsExactly(HandlingRule.HANDLING_5);
    assertThat(CuiCategories.all()).extracting(CuiCategories.Category::abbreviation).contains("PRVCY", "LEI", "IMMG");
  }

  @Test
  @DisplayName("HANDLING_6: categories without CUI, controls without a marking, countries without REL TO are refused")
  void partsNeedTheirMarking() {
    assertThat(HandlingRule.violatedBy(Marking.FOUO, handling(List.of("PRVCY"), List.of(), List.of(), List.of())))
        .containsExactly(HandlingRule.HANDLING_6);
    assertThat(HandlingRule.violatedBy(Marking.NONE, controls(NOFORN))).containsExactly(HandlingRule.HANDLING_6);
    assertThat(HandlingRule.violatedBy(Marking.CUI, handling(List.of(), List.of(NOFORN), List.of("USA"), List.of())))
        .containsExactly(HandlingRule.HANDLING_6);
    assertThat(HandlingRule.violatedBy(Marking.LES, controls(NOFORN))).isEmpty();
  }

  @Test
  @DisplayName("Banner: Specified categories before Basic, each sorted, controls after the double slash")
  void bannerForm() {
    Handling h = handling(List.of("LEI", "SP-PRVCY", "INV", "SP-CHRI"), List.of(NOCON, NOFORN), List.of(), List.of());

    assertThat(h.banner(Marking.CUI)).isEqualTo("CUI//SP-CHRI/SP-PRVCY/INV/LEI//NOFORN/NOCON");
    assertThat(handling(List.of("SP-PRVCY"), List.of(NOCON), List.of(), List.of()).banner(Marking.CUI)).isEqualTo("CUI//SP-PRVCY//NOCON");
  }

  @Test
  @DisplayName("Banner: REL TO lists USA first, then the other countries; controls without categories follow CUI//")
  void bannerRelTo() {
    Handling h = handling(List.of(), List.of(REL_TO, DISPLAY_ONLY), List.of("GBR", "USA", "CAN"), List.of());

    assertThat(h.banner(Marking.CUI)).isEqualTo("CUI//REL TO USA, CAN, GBR/DISPLAY ONLY");
  }

  @Test
  @DisplayName("Banner: legacy FOUO and LES are written in words; no marking is UNCLASSIFIED")
  void bannerLegacy() {
    assertThat(Handling.none().banner(Marking.FOUO)).isEqualTo("FOR OFFICIAL USE ONLY");
    assertThat(controls(NOFORN).banner(Marking.LES)).isEqualTo("LAW ENFORCEMENT SENSITIVE//NOFORN");
    assertThat(Handling.none().banner(Marking.NONE)).isEqualTo("UNCLASSIFIED");
    assertThat(Handling.none().banner(Marking.CUI)).isEqualTo("CUI");
  }
}

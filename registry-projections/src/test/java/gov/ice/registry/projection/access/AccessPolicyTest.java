package gov.ice.registry.projection.access;

import static gov.ice.registry.agreement.api.DisseminationControl.DISPLAY_ONLY;
import static gov.ice.registry.agreement.api.DisseminationControl.DL_ONLY;
import static gov.ice.registry.agreement.api.DisseminationControl.FEDCON;
import static gov.ice.registry.agreement.api.DisseminationControl.FED_ONLY;
import static gov.ice.registry.agreement.api.DisseminationControl.NOCON;
import static gov.ice.registry.agreement.api.DisseminationControl.NOFORN;
import static gov.ice.registry.agreement.api.DisseminationControl.REL_TO;
import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.DisseminationControl;
import gov.ice.registry.agreement.api.Handling;
import gov.ice.registry.agreement.api.Marking;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  static final Reader FEDERAL_US = new Reader("fed", List.of("IGP"), Employment.FEDERAL, "USA", List.of("IGP"), null);
  static final Reader CONTRACTOR_US = new Reader("con", List.of("IGP"), Employment.CONTRACTOR, "USA", List.of("IGP"), null);
  static final Reader FEDERAL_GBR = new Reader("liaison", List.of("IGP"), Employment.FEDERAL, "GBR", List.of("IGP"), null);
  static final Reader UNKNOWN = new Reader("who", List.of("AUDITOR"), null, null, List.of(), null);
  static final Reader ON_LIST = new Reader("lee", List.of("IGP"), Employment.FEDERAL, "USA", List.of("HSI-CYBER"), null);

  private final AccessPolicy policy = AccessPolicy.standard();

  static Handling with(DisseminationControl control) {
    return switch (control) {
      case REL_TO -> new Handling(List.of(), List.of(REL_TO), List.of("USA", "GBR"), List.of(), null);
      case DL_ONLY -> new Handling(List.of(), List.of(DL_ONLY), List.of(), List.of("HSI-CYBER", "pat"), null);
      default -> new Handling(List.of(), List.of(control), List.of(), List.of(), null);
    };
  }

  @Test
  void fedOnlyAdmitsFederalStaffOnly() {
    assertThat(policy.mayRead(FEDERAL_US, Marking.CUI, with(FED_ONLY))).isTrue();
    assertThat(policy.mayRead(CONTRACTOR_US, Marking.CUI, with(FED_ONLY))).isFalse();
    assertThat(policy.mayRead(UNKNOWN, Marking.CUI, with(FED_ONLY))).isFalse();
  }

  @Test
  void fedconAdmitsFederalStaffAndContractors() {
    assertThat(policy.mayRead(CONTRACTOR_US, Marking.CUI, with(FEDCON))).isTrue();
    assertThat(policy.mayRead(FEDERAL_GBR, Marking.CUI, with(FEDCON))).isTrue();
    assertThat(policy.mayRead(UNKNOWN, Marking.CUI, with(FEDCON))).isFalse();
  }

  @Test
  void noconExcludesContractorsAndUnknownEmployment() {
    assertThat(policy.mayRead(FEDERAL_US, Marking.CUI, with(NOCON))).isTrue();
    assertThat(policy.mayRead(CONTRACTOR_US, Marking.CUI, with(NOCON))).isFalse();
    assertThat(policy.mayRead(UNKNOWN, Marking.CUI, with(NOCON))).isFalse();
  }

  @Test
  void nofornNeedsUsCitizenship() {
    assertThat(policy.mayRead(CONTRACTOR_US, Marking.CUI, with(NOFORN))).isTrue();
    assertThat(policy.mayRead(FEDERAL_GBR, Marking.CUI, with(NOFORN))).isFalse();
  }

  @Test
  void relToAdmitsTheListedCountries() {
    assertThat(policy.mayRead(FEDERAL_GBR, Marking.CUI, with(REL_TO))).isTrue();
    assertThat(policy.mayRead(FEDERAL_US, Marking.CUI, with(REL_TO))).isTrue();
    assertThat(policy.mayRead(new Reader("x", List.of(), Employment.FEDERAL, "FRA", List.of(), null), Marking.CUI, with(REL_TO))).isFalse();
  }

  @Test
  void dlOnlyAdmitsUsersAndOfficesOnTheList() {
    assertThat(policy.mayRead(ON_LIST, Marking.CUI, with(DL_ONLY))).isTrue();
    assertThat(policy.mayRead(new Reader("pat", List.of(), Employment.FEDERAL, "USA", List.of(), null), Marking.CUI, with(DL_ONLY))).isTrue();
    assertThat(policy.mayRead(FEDERAL_US, Marking.CUI, with(DL_ONLY))).isFalse();
  }

  @Test
  void displayOnlyAllowsReadingButNoExport() {
    assertThat(policy.mayRead(FEDERAL_US, Marking.CUI, with(DISPLAY_ONLY))).isTrue();
    assertThat(policy.mayExport(FEDERAL_US, Marking.CUI, with(DISPLAY_ONLY))).isFalse();
    assertThat(policy.mayExport(FEDERAL_US, Marking.CUI, with(NOFORN))).isTrue();
  }

  @Test
  void legacyMarkingsFollowTheConfiguredNeedToKnow() {
    AccessPolicy configured = new AccessPolicy(Map.of(Marking.LES, List.of("HSI", "DIRECTOR")), List.of());

    assertThat(configured.mayRead(FEDERAL_US, Marking.LES, Handling.none())).isFalse();
    assertThat(configured.mayRead(new Reader("d", List.of("DIRECTOR"), null, null, List.of(), null), Marking.LES, Handling.none())).isTrue();
    assertThat(configured.mayRead(new Reader("h", List.of(), null, null, List.of("HSI"), null), Marking.LES, Handling.none())).isTrue();
    assertThat(configured.mayRead(FEDERAL_US, Marking.FOUO, Handling.none())).isTrue();
  }

  @Test
  void aNameEndingInAStarAdmitsEveryRoleItBegins() {
    AccessPolicy configured = new AccessPolicy(Map.of(Marking.FOUO, List.of("STAKEHOLDER_*", "IGP")), List.of());

    assertThat(configured.mayRead(new Reader("s", List.of("STAKEHOLDER_OPR_SD_SMOU"), null, null, List.of(), null), Marking.FOUO,
        Handling.none())).isTrue();
    assertThat(configured.mayRead(new Reader("s", List.of("SIGNATORY_HSI_IO"), null, null, List.of(), null), Marking.FOUO,
        Handling.none())).isFalse();
    assertThat(configured.mayRead(new Reader("i", List.of("IGPX"), null, null, List.of(), null), Marking.FOUO, Handling.none()))
        .as("without a star a name is matched whole").isFalse();
  }

  @Test
  void auditorsAreNotExemptUnlessConfigured() {
    assertThat(policy.mayRead(UNKNOWN, Marking.CUI, with(NOFORN))).isFalse();
    AccessPolicy exempting = new AccessPolicy(Map.of(), List.of("AUDITOR"));
    assertThat(exempting.mayRead(UNKNOWN, Marking.CUI, with(NOFORN))).isTrue();
    assertThat(exempting.mayExport(UNKNOWN, Marking.CUI, with(DISPLAY_ONLY))).isTrue();
  }
}

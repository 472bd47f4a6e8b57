package gov.ice.registry.projection.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.Marking;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.Scope;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.projection.audit.ApprovalCsv;
import gov.ice.registry.projection.export.Labels.Kind;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LabelsTest {

  /** Codes a page shows as codes on purpose: the problem's machine-readable code beside its words. */
  private static final Set<Class<?>> SHOWN_AS_CODES = Set.of(RefusalCode.class);

  @Test
  void givesTheHandbooksWordsForTheCodesTheIssueNamed() {
    assertThat(Labels.of(Scope.IN_SCOPE)).isEqualTo("In scope");
    assertThat(Labels.of(InformationCategory.LAW_ENFORCEMENT)).isEqualTo("Law enforcement information");
    assertThat(Labels.of(SignatoryAuthority.HSI_EAD)).isEqualTo("HSI Executive Associate Director");
    assertThat(Labels.of(Marking.NONE)).isEqualTo("No marking");
    assertThat(Labels.of(Kind.STATUS, "IN_CLEARANCE")).isEqualTo("In clearance");
  }

  @Test
  void everyConstantOfEveryTypeThePagesShowHasWords() {
    for (Class<? extends Enum<?>> type : Labels.TYPES) {
      Kind kind = java.util.Arrays.stream(Kind.values()).filter(k -> type.equals(k.type())).findFirst().orElseThrow();
      for (Enum<?> constant : type.getEnumConstants()) {
        assertThat(Labels.has(kind, constant.name())).as(type.getSimpleName() + "." + constant.name()).isTrue();
        assertThat(Labels.of(constant)).as(type.getSimpleName() + "." + constant.name()).isNotEqualTo(constant.name()).isNotBlank();
      }
    }
  }

  /** A new enum in the domain's contract package can't reach a page without words: it must be listed in {@link Kind}. */
  @Test
  void everyEnumOfTheDomainContractIsInTheTable() {
    Set<String> listed = Labels.TYPES.stream().map(Class::getName).collect(Collectors.toSet());
    List<String> missing = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("gov.ice.registry.agreement.api").stream()
        .filter(JavaClass::isEnum)
        .filter(c -> SHOWN_AS_CODES.stream().noneMatch(t -> t.getName().equals(c.getName())))
        .map(JavaClass::getName)
        .filter(name -> !listed.contains(name))
        .toList();
    assertThat(missing).isEmpty();
  }

  @Test
  void everyApprovalTypeDecisionAndOfficeTheAuditRecordsHasWords() {
    for (String type : List.of("CONCURRENCE", "CLEARANCE", "LEGAL_REVIEW", "SIGNATURE", "REVIEW", "DISPUTE_DECISION")) {
      assertThat(Labels.has(Kind.APPROVAL_TYPE, type)).as(type).isTrue();
    }
    for (String decision : List.of("CONCUR", "NON_CONCUR", "CLEARED", "RETURNED", "LEGALLY_SUFFICIENT", "NOT_LEGALLY_SUFFICIENT",
        "SIGNED", "IMPORTED", "CONTINUE", "MODIFY", "TERMINATE", "PROCEED_AS_DRAFTED", "REVISE_DRAFT")) {
      assertThat(Labels.has(Kind.APPROVAL_DECISION, decision)).as(decision).isTrue();
    }
    assertThat(ApprovalCsv.office("ICE_DIRECTOR")).isEqualTo("ICE Director");
    assertThat(ApprovalCsv.office("IGP_PRIVACY")).isEqualTo("IGP Privacy Unit");
    assertThat(ApprovalCsv.office("HSI_EAD")).isEqualTo("HSI Executive Associate Director");
    assertThat(ApprovalCsv.office("OTHER")).isEqualTo("Other office");
  }

  @Test
  void everyRuleIdAndEveryColumnOfTheCsvFilesForPeopleHasWords() {
    for (String rule : List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10", "B1", "B2", "B3")) {
      assertThat(Labels.has(Kind.RULE, rule)).as(rule).isTrue();
    }
    for (String column : ApprovalCsv.COLUMNS) {
      assertThat(Labels.has(Kind.COLUMN, column)).as(column).isTrue();
    }
  }

  @Test
  void rolesReadAsTheOfficeOrAuthorityTheyNameAndAnUnknownCodeStaysVisible() {
    assertThat(Labels.of(Kind.ROLE, "STAKEHOLDER_IGP_PRIVACY")).isEqualTo("Key Stakeholder: IGP Privacy Unit");
    assertThat(Labels.of(Kind.ROLE, "SIGNATORY_HSI_EAD")).isEqualTo("Signatory: HSI Executive Associate Director");
    assertThat(Labels.of(Kind.ROLE, "PROGRAM_OFFICE")).isEqualTo("Program office");
    assertThat(Labels.of(Kind.STATUS, "SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
    assertThat(Labels.of(AgreementStatus.ESCALATED_TO_DHS)).isEqualTo("Escalated to DHS");
    assertThat(Labels.of(Kind.STATUS, null)).isEmpty();
  }

  @Test
  void theApprovalsCsvForPeopleHasWordsInItsHeaderWhileTheApisKeepsItsCodes() {
    assertThat(ApprovalCsv.headerInWords()).startsWith(SpreadsheetCsv.BYTE_ORDER_MARK + "When (UTC),Agreement id,Title,Type,Decision");
    assertThat(ApprovalCsv.header()).startsWith(SpreadsheetCsv.BYTE_ORDER_MARK + "at,agreementId,title,type,decision");
  }
}

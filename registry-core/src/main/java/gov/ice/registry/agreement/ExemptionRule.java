package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.RefusalCode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The sixteen exemptions of Appendix B, each with the id {@code EXEMPTION_<n>}. An exempt
 * agreement is registered and searchable without clearance; some exemptions carry conditions.
 */
record ExemptionRule(int number, String id, String name) {

  static final List<ExemptionRule> ALL = List.of(
      new ExemptionRule(1, "EXEMPTION_1", "Court Procedures"),
      new ExemptionRule(2, "EXEMPTION_2", "Legal"),
      new ExemptionRule(3, "EXEMPTION_3", "FOIA and Privacy Act Requests"),
      new ExemptionRule(4, "EXEMPTION_4", "Contracted Vendors"),
      new ExemptionRule(5, "EXEMPTION_5", "Ad Hoc Requests"),
      new ExemptionRule(6, "EXEMPTION_6", "Routine Operational or Law Enforcement Activity"),
      new ExemptionRule(7, "EXEMPTION_7", "Sensitive Law Enforcement Activity"),
      new ExemptionRule(8, "EXEMPTION_8", "Regulatory Compliance"),
      new ExemptionRule(9, "EXEMPTION_9", "Liaison Relationships"),
      new ExemptionRule(10, "EXEMPTION_10", "Exigent Threat"),
      new ExemptionRule(11, "EXEMPTION_11", "287(g) Agreements"),
      new ExemptionRule(12, "EXEMPTION_12", "Interconnection Security Agreements (ISA)"),
      new ExemptionRule(13, "EXEMPTION_13", "Interface Control Agreements (ICA)"),
      new ExemptionRule(14, "EXEMPTION_14", "Service Level Agreements (SLA)"),
      new ExemptionRule(15, "EXEMPTION_15", "Interagency Agreements (IAA)"),
      new ExemptionRule(16, "EXEMPTION_16", "Customs Mutual Assistance Agreement (CMAA)"));

  /** Exemption 7: the Executive Associate Director of the directorate (HSI or ERO) approves it. */
  static final Set<String> SENSITIVE_LAW_ENFORCEMENT_APPROVERS = Set.of("HSI_EAD", "ERO_EAD");

  /** Exemptions that rest on an executed parent ISAA: liaison, ISA, ICA and SLA. */
  static final Set<Integer> NEED_ACTIVE_PARENT = Set.of(9, 12, 13, 14);

  static final int EXIGENT_THREAT = 10;

  static Optional<ExemptionRule> numbered(int number) {
    return ALL.stream().filter(rule -> rule.number() == number).findFirst();
  }

  /** Refuses an exemption that does not hold: unknown number, no reason, no approval, no active parent. */
  static ExemptionRule check(Exemption exemption, AgreementDirectory directory) {
    ExemptionRule rule = numbered(exemption.number()).orElseThrow(() -> new AgreementRefused(
        RefusalCode.EXEMPTION_INVALID, "Appendix B has exemptions 1 to 16, not " + exemption.number(), List.of("APPENDIX_B")));
    if (exemption.reason() == null || exemption.reason().isBlank()) {
      throw rule.refusal("an exemption states the reason it applies");
    }
    if (rule.number() == 7 && !SENSITIVE_LAW_ENFORCEMENT_APPROVERS.contains(normalized(exemption.approvedBy()))) {
      throw rule.refusal("exemption 7 needs the approving Executive Associate Director recorded: HSI_EAD or ERO_EAD");
    }
    if (NEED_ACTIVE_PARENT.contains(rule.number())) {
      String parent = exemption.parentAgreementId();
      if (parent == null || parent.isBlank()) {
        throw rule.refusal("exemption " + rule.number() + " rests on an executed ISAA: name it as parentAgreementId");
      }
      Optional<AgreementStatus> status = directory.statusOf(AgreementId.of(parent));
      if (status.isEmpty()) {
        throw rule.refusal("the parent agreement " + parent + " is not in the registry");
      }
      if (status.get() != AgreementStatus.ACTIVE) {
        throw rule.refusal("the parent agreement " + parent + " is " + status.get() + ", not ACTIVE");
      }
    }
    return rule;
  }

  private AgreementRefused refusal(String message) {
    return new AgreementRefused(RefusalCode.EXEMPTION_INVALID, message, List.of(id()));
  }

  private static String normalized(String approver) {
    return approver == null ? "" : approver.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
  }
}

package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.AgreementStatus;
import gov.ice.registry.agreement.api.Exemption;
import gov.ice.registry.agreement.api.ExemptionNumber;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.SignatoryAuthority;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sixteen exemptions of Appendix B, each with its number and the id {@code EXEMPTION_<n>}.
 * An exempt agreement is registered and searchable without clearance; some exemptions carry
 * conditions. A profile claims one by its {@link ExemptionNumber}; the domain asks {@code
 * EXIGENT_THREAT.claimedBy(...)}, never compares a profile's number with a literal.
 */
enum ExemptionRule {
  COURT_PROCEDURES(1, "Court Procedures"),
  LEGAL(2, "Legal"),
  FOIA_AND_PRIVACY_ACT_REQUESTS(3, "FOIA and Privacy Act Requests"),
  CONTRACTED_VENDORS(4, "Contracted Vendors"),
  AD_HOC_REQUESTS(5, "Ad Hoc Requests"),
  ROUTINE_OPERATIONAL_ACTIVITY(6, "Routine Operational or Law Enforcement Activity"),
  SENSITIVE_LAW_ENFORCEMENT_ACTIVITY(7, "Sensitive Law Enforcement Activity"),
  REGULATORY_COMPLIANCE(8, "Regulatory Compliance"),
  LIAISON_RELATIONSHIPS(9, "Liaison Relationships"),
  EXIGENT_THREAT(10, "Exigent Threat"),
  AGREEMENTS_287G(11, "287(g) Agreements"),
  INTERCONNECTION_SECURITY_AGREEMENTS(12, "Interconnection Security Agreements (ISA)"),
  INTERFACE_CONTROL_AGREEMENTS(13, "Interface Control Agreements (ICA)"),
  SERVICE_LEVEL_AGREEMENTS(14, "Service Level Agreements (SLA)"),
  INTERAGENCY_AGREEMENTS(15, "Interagency Agreements (IAA)"),
  CUSTOMS_MUTUAL_ASSISTANCE_AGREEMENT(16, "Customs Mutual Assistance Agreement (CMAA)");

  static final List<ExemptionRule> ALL = List.of(values());

  /** The rule behind a number outside 1-16. */
  static final RuleId APPENDIX_B = RuleId.of("APPENDIX_B");

  /** Exemption 7: the Executive Associate Director of the directorate (HSI or ERO) approves it. */
  static final Set<SignatoryAuthority> SENSITIVE_LAW_ENFORCEMENT_APPROVERS =
      EnumSet.of(SignatoryAuthority.HSI_EAD, SignatoryAuthority.ERO_EAD);

  /** Exemptions that rest on an executed parent ISAA: liaison, ISA, ICA and SLA. */
  static final Set<ExemptionRule> NEED_ACTIVE_PARENT = EnumSet.of(
      LIAISON_RELATIONSHIPS, INTERCONNECTION_SECURITY_AGREEMENTS, INTERFACE_CONTROL_AGREEMENTS, SERVICE_LEVEL_AGREEMENTS);

  private final ExemptionNumber number;
  private final String title;
  private final RuleId id;

  ExemptionRule(int number, String title) {
    this.number = ExemptionNumber.of(number);
    this.title = title;
    this.id = RuleId.of("EXEMPTION_" + number);
  }

  ExemptionNumber number() {
    return number;
  }

  String title() {
    return title;
  }

  RuleId id() {
    return id;
  }

  /** Whether {@code exemption} (which may be null: no exemption claimed) claims this one. */
  boolean claimedBy(Exemption exemption) {
    return exemption != null && number.equals(exemption.number());
  }

  static Optional<ExemptionRule> numbered(ExemptionNumber number) {
    return Arrays.stream(values()).filter(rule -> rule.number.equals(number)).findFirst();
  }

  /** Refuses an exemption that does not hold: unknown number, no reason, no approval, no active parent. */
  static ExemptionRule check(Exemption exemption, AgreementDirectory directory) {
    ExemptionRule rule = numbered(exemption.number()).orElseThrow(() -> AgreementRefused.under(
        RefusalCode.EXEMPTION_INVALID, "Appendix B has exemptions 1 to 16, not " + exemption.number(), List.of(APPENDIX_B)));
    if (exemption.reason() == null || exemption.reason().isBlank()) {
      throw rule.refusal("an exemption states the reason it applies");
    }
    if (rule == SENSITIVE_LAW_ENFORCEMENT_ACTIVITY
        && exemption.approvingAuthority().filter(SENSITIVE_LAW_ENFORCEMENT_APPROVERS::contains).isEmpty()) {
      throw rule.refusal("exemption 7 needs the approving Executive Associate Director recorded: HSI_EAD or ERO_EAD");
    }
    if (NEED_ACTIVE_PARENT.contains(rule)) {
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
    return AgreementRefused.under(RefusalCode.EXEMPTION_INVALID, message, List.of(id));
  }
}

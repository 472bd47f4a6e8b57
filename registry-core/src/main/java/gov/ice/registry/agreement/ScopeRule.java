package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementKind;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.DataProfile;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.Scope;
import java.util.List;

/**
 * Section V and Appendix B: whether the ISAA process applies. Decided when an agreement is
 * drafted, and again whenever its profile changes.
 */
record ScopeRule(RuleId id, Scope scope, String reason) {

  static final ScopeRule ONE_DHS = new ScopeRule(
      RuleId.of("SCOPE_ONE_DHS"), Scope.OUT_OF_SCOPE_INTERNAL, "every party is a DHS component (One DHS Rule): record it as a MOR");
  static final ScopeRule RECEIPT_ONLY = new ScopeRule(
      RuleId.of("SCOPE_RECEIPT_ONLY"), Scope.OUT_OF_SCOPE_RECEIPT_ONLY, "ICE only receives information or only accesses an external system");
  static final ScopeRule DHS_LEVEL = new ScopeRule(
      RuleId.of("SCOPE_DHS_LEVEL"), Scope.DHS_LEVEL,
      "bulk PII for a purpose beyond the original collection, or several DHS components sharing: ICE cannot clear it alone");
  static final ScopeRule IN_SCOPE = new ScopeRule(
      RuleId.of("SCOPE_IN"), Scope.IN_SCOPE, "ICE information goes to a party external to DHS");

  /** The scope of a profile whose exemption, if any, has been checked. */
  static ScopeRule decide(AgreementProfile profile) {
    DataProfile data = profile.dataProfile();
    if (profile.exemption() != null) {
      return new ScopeRule(ExemptionRule.numbered(profile.exemption().number()).orElseThrow().id(), Scope.EXEMPT,
          "exempt under Appendix B, exemption " + profile.exemption().number());
    }
    if (profile.allPartiesAreDhsComponents()) {
      if (profile.kind() != AgreementKind.MOR) {
        throw AgreementRefused.under(RefusalCode.PROFILE_INVALID, ONE_DHS.reason(), List.of(ONE_DHS.id()));
      }
      return ONE_DHS;
    }
    if (profile.kind() == AgreementKind.MOR) {
      throw AgreementRefused.under(RefusalCode.PROFILE_INVALID,
          "a MOR records sharing inside DHS; with a party external to DHS this is an ISAA", List.of(ONE_DHS.id()));
    }
    if (data.receiptOnly()) {
      return RECEIPT_ONLY;
    }
    if ((data.bulkTransfer() && data.newPurpose() && (data.pii() || data.sensitivePii())) || data.multipleDhsComponents()) {
      return DHS_LEVEL;
    }
    return IN_SCOPE;
  }

  /** Whether the Key Stakeholder concurrence and clearance process applies. */
  static boolean processApplies(Scope scope, AgreementProfile profile) {
    return switch (scope) {
      case IN_SCOPE, DHS_LEVEL -> true;
      case EXEMPT -> ExemptionRule.EXIGENT_THREAT.claimedBy(profile.exemption());
      case OUT_OF_SCOPE_INTERNAL, OUT_OF_SCOPE_RECEIPT_ONLY -> false;
    };
  }
}

package gov.ice.registry.agreement;

import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RequiredStakeholder;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the registry decides about a profile whenever one is drafted, revised, imported or
 * amended: it is well formed, nothing blocks it, its scope, and the stakeholders it requires.
 */
record ProfileAssessment(Scope scope, List<RuleId> scopeRules, List<RequiredStakeholder> requiredStakeholders) {

  static ProfileAssessment of(AgreementProfile profile, AgreementDirectory directory) {
    requireWellFormed(profile);
    HandlingRule.check(profile.marking(), profile.handling());
    List<BlockingRule> blocked = BlockingRule.violatedBy(profile);
    if (!blocked.isEmpty()) {
      throw AgreementRefused.under(
          RefusalCode.SHARING_BLOCKED,
          blocked.stream().map(BlockingRule::reason).collect(Collectors.joining("; ")),
          blocked.stream().map(BlockingRule::id).toList());
    }
    if (profile.exemption() != null) {
      ExemptionRule.check(profile.exemption(), directory);
    }
    ScopeRule scope = ScopeRule.decide(profile);
    List<RequiredStakeholder> required =
        ScopeRule.processApplies(scope.scope(), profile) ? StakeholderRule.requiredFor(profile) : List.of();
    return new ProfileAssessment(scope.scope(), List.of(scope.id()), required);
  }

  /** The checks bean validation does at the edge, again: the domain takes no one's word for it. */
  static void requireWellFormed(AgreementProfile profile) {
    List<String> problems = new ArrayList<>();
    if (profile == null) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, "an agreement needs a profile");
    }
    if (profile.title() == null || profile.title().isBlank()) {
      problems.add("title is required");
    }
    if (profile.kind() == null) {
      problems.add("kind is required");
    }
    if (profile.owningDirectorate() == null) {
      problems.add("owningDirectorate is required");
    }
    if (profile.parties().isEmpty()) {
      problems.add("at least one party other than ICE is required");
    }
    Set<String> names = new HashSet<>();
    for (Party party : profile.parties()) {
      if (party.name() == null || party.name().isBlank() || party.kind() == null) {
        problems.add("every party has a name and a kind");
      } else if (!names.add(party.name().trim().toLowerCase(Locale.ROOT))) {
        problems.add("party " + party.name() + " is named twice");
      } else if (PartyName.of(party.name()).isIce()) {
        problems.add("ICE is not one of the other parties");
      }
    }
    if (profile.categories().isEmpty()) {
      problems.add("at least one information category is required");
    }
    if (profile.dataProfile() == null) {
      problems.add("dataProfile is required");
    }
    if (profile.terms() != null && profile.terms().effectiveDate() != null && profile.terms().terminationDate() != null
        && profile.terms().terminationDate().isBefore(profile.terms().effectiveDate())) {
      problems.add("terms.terminationDate is before terms.effectiveDate");
    }
    if (profile.terms() != null && profile.terms().terminationNoticeDays() != null && profile.terms().terminationNoticeDays() < 0) {
      problems.add("terms.terminationNoticeDays is negative");
    }
    if (!problems.isEmpty()) {
      throw new AgreementRefused(RefusalCode.PROFILE_INVALID, String.join("; ", problems));
    }
  }
}

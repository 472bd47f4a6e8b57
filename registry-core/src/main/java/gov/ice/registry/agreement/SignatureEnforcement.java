package gov.ice.registry.agreement;

import static gov.ice.registry.agreement.Checks.notInFuture;

import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.InformationCategory;
import gov.ice.registry.agreement.api.PartyName;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.agreement.api.RuleId;
import gov.ice.registry.agreement.api.SignatureRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who may sign an agreement, and when it carries every signature it needs: ICE signs each
 * information category by an authority {@link SignatoryRule} allows, and every party signs once.
 * Signing in the registry and importing an agreement executed outside it are held to the same
 * rule here.
 */
final class SignatureEnforcement {

  private SignatureEnforcement() {}

  /** An accepted signature, normalized ("ICE", the party's name as the profile spells it), with the rules that allow it. */
  record Checked(SignatureRecord signature, List<RuleId> rules) {}

  /**
   * A signature is ICE's, by an authority that may sign for one of the agreement's categories
   * and has not signed yet, or a party's, which signs once and carries no ICE authority.
   */
  static Checked check(AgreementProfile profile, SignatureRecord signature, List<SignatureRecord> existing, LocalDate today) {
    if (signature == null || signature.party() == null || signature.party().isBlank()
        || signature.signatoryName() == null || signature.signatoryName().isBlank()) {
      throw new AgreementRefused(RefusalCode.SIGNATURE_INVALID, "a signature names the party and the signatory");
    }
    notInFuture("signedOn", signature.signedOn(), today);
    if (signature.party().isIce()) {
      return checkIce(profile, signature, existing);
    }
    PartyName party = profile.parties().stream()
        .map(p -> PartyName.of(p.name()))
        .filter(name -> name.matches(signature.party()))
        .findFirst()
        .orElseThrow(() -> new AgreementRefused(RefusalCode.SIGNATURE_INVALID,
            signature.party() + " is not a party to this agreement"));
    if (signature.authority() != null) {
      throw new AgreementRefused(RefusalCode.SIGNATURE_INVALID, "only ICE signs with an ICE signatory authority");
    }
    if (existing.stream().anyMatch(s -> s.party().equals(party))) {
      throw new AgreementRefused(RefusalCode.SIGNATURE_INVALID, party + " has already signed");
    }
    return new Checked(new SignatureRecord(party, null, signature.signatoryName(), signature.position(),
        signature.signedOn()), List.of());
  }

  private static Checked checkIce(AgreementProfile profile, SignatureRecord signature, List<SignatureRecord> existing) {
    if (signature.authority() == null) {
      throw new AgreementRefused(RefusalCode.SIGNATURE_INVALID, "ICE signs with a signatory authority");
    }
    Set<InformationCategory> categories = SignatoryRule.categoriesSignableBy(signature.authority(), profile);
    if (categories.isEmpty()) {
      throw AgreementRefused.under(RefusalCode.SIGNATORY_AUTHORITY_INSUFFICIENT,
          signature.authority() + " may not sign for " + profile.categories() + "; who may: " + whoMaySign(profile),
          SignatoryRule.ALL.stream().filter(rule -> rule.applies().test(profile)).map(SignatoryRule::id).toList());
    }
    if (existing.stream().anyMatch(s -> s.signedForIce() && s.authority() == signature.authority())) {
      throw new AgreementRefused(RefusalCode.SIGNATURE_INVALID, signature.authority() + " has already signed for ICE");
    }
    List<RuleId> rules = categories.stream()
        .flatMap(c -> SignatoryRule.rulesAllowing(signature.authority(), c, profile).stream())
        .distinct()
        .toList();
    return new Checked(new SignatureRecord(PartyName.ICE, signature.authority(), signature.signatoryName(),
        signature.position(), signature.signedOn()), rules);
  }

  /** Categories still without an ICE signature that may sign for them, and parties that have not signed. */
  static List<String> missing(AgreementProfile profile, List<SignatureRecord> signatures) {
    List<String> missing = new ArrayList<>();
    for (InformationCategory category : profile.categories()) {
      Set<?> allowed = SignatoryRule.authoritiesFor(category, profile);
      if (signatures.stream().noneMatch(s -> s.signedForIce() && allowed.contains(s.authority()))) {
        missing.add("ICE for " + category);
      }
    }
    profile.parties().forEach(p -> {
      if (signatures.stream().noneMatch(s -> PartyName.of(p.name()).equals(s.party()))) {
        missing.add(p.name());
      }
    });
    return missing;
  }

  static void requireEvery(AgreementProfile profile, List<SignatureRecord> signatures) {
    List<String> missing = missing(profile, signatures);
    if (!missing.isEmpty()) {
      throw AgreementRefused.under(RefusalCode.SIGNATURE_INVALID,
          "an executed agreement carries every signature; missing: " + String.join(", ", missing),
          List.of(SignatoryRule.EXECUTIVE_AGENT.id()));
    }
  }

  private static String whoMaySign(AgreementProfile profile) {
    StringBuilder who = new StringBuilder();
    for (InformationCategory category : profile.categories()) {
      who.append(category).append(": ").append(SignatoryRule.authoritiesFor(category, profile)).append("; ");
    }
    return who.toString().trim();
  }
}

package gov.ice.registry.agreement.api;

import java.util.List;

/** Everything a program office drafts: the parts that decide scope, stakeholders and signatories, and the terms. */
public record AgreementProfile(
    String title,
    AgreementKind kind,
    Directorate owningDirectorate,
    List<Party> parties,
    List<InformationCategory> categories,
    DataProfile dataProfile,
    Terms terms,
    Exemption exemption) {

  public AgreementProfile {
    parties = parties == null ? List.of() : List.copyOf(parties);
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  public AgreementProfile withoutPersonalData() {
    return new AgreementProfile(title, kind, owningDirectorate, parties, categories, dataProfile,
        terms == null ? null : terms.withoutPersonalData(), exemption);
  }

  public boolean hasInternationalParty() {
    return parties.stream().anyMatch(p -> p.kind() != null && p.kind().isInternational());
  }

  public boolean hasIntelligenceCommunityParty() {
    return parties.stream().anyMatch(Party::intelligenceCommunity);
  }

  public boolean hasPartyOfKind(PartyKind kind) {
    return parties.stream().anyMatch(p -> p.kind() == kind);
  }

  public boolean allPartiesAreDhsComponents() {
    return !parties.isEmpty() && parties.stream().allMatch(p -> p.kind() == PartyKind.DHS_COMPONENT);
  }
}

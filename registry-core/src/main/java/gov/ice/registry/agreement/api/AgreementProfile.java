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
    Exemption exemption,
    Handling handling) {

  /**
   * {@code handling} came after the first events were stored: a profile stored without it reads
   * as {@link Handling#none()}, which is also what the constructor without it gives.
   */
  public AgreementProfile {
    parties = parties == null ? List.of() : List.copyOf(parties);
    categories = categories == null ? List.of() : List.copyOf(categories);
    handling = handling == null ? Handling.none() : handling;
  }

  public AgreementProfile(String title, AgreementKind kind, Directorate owningDirectorate, List<Party> parties,
      List<InformationCategory> categories, DataProfile dataProfile, Terms terms, Exemption exemption) {
    this(title, kind, owningDirectorate, parties, categories, dataProfile, terms, exemption, null);
  }

  public AgreementProfile withoutPersonalData() {
    return new AgreementProfile(title, kind, owningDirectorate, parties, categories, dataProfile,
        terms == null ? null : terms.withoutPersonalData(), exemption, handling);
  }

  public AgreementProfile withHandling(Handling newHandling) {
    return new AgreementProfile(title, kind, owningDirectorate, parties, categories, dataProfile, terms, exemption, newHandling);
  }

  /** The marking of {@link DataProfile#marking()}, or NONE without a data profile. */
  public Marking marking() {
    return dataProfile == null ? Marking.NONE : dataProfile.marking();
  }

  /** The banner its marking and handling give. */
  public String banner() {
    return handling.banner(marking());
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

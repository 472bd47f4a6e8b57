package gov.ice.registry.agreement.api;

import java.util.List;

/** The parts of an agreement an amendment replaces; a null part stays as it was. */
public record AmendmentChanges(
    String title,
    List<InformationCategory> categories,
    DataProfile dataProfile,
    Terms terms) {

  public AmendmentChanges withoutPersonalData() {
    return new AmendmentChanges(title, categories, dataProfile, terms == null ? null : terms.withoutPersonalData());
  }

  public AgreementProfile applyTo(AgreementProfile current) {
    return new AgreementProfile(
        title != null ? title : current.title(),
        current.kind(),
        current.owningDirectorate(),
        current.parties(),
        categories != null ? categories : current.categories(),
        dataProfile != null ? dataProfile : current.dataProfile(),
        terms != null ? terms : current.terms(),
        current.exemption(),
        current.handling());
  }
}

package gov.ice.registry.web.query;

import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.Party;
import gov.ice.registry.projection.repository.AgreementRepositoryQueries;
import gov.ice.registry.web.agreement.ExistingAgreement;
import gov.ice.registry.web.agreement.ExistingAgreementsFinder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The draft response's {@code existingAgreements}, from the central repository: active agreements
 * sharing a party (same name, ignoring case) and an information category with the draft. The read
 * model may trail the ledger by a moment; this is advice to the program office, not a rule.
 */
@Component
public class ReadModelExistingAgreements implements ExistingAgreementsFinder {

  private final AgreementRepositoryQueries agreements;
  private final gov.ice.registry.web.access.ReadAccess access;

  public ReadModelExistingAgreements(AgreementRepositoryQueries agreements, gov.ice.registry.web.access.ReadAccess access) {
    this.agreements = agreements;
    this.access = access;
  }

  /** Only what the signed-in user's markings admit: a draft's answer and page name existing agreements by title. */
  @Override
  public Mono<MostRelevant> mostRelevant(AgreementId draft, AgreementProfile profile, int limit) {
    return access.reader().flatMap(reader -> agreements.mostRelevantExisting(profile.parties(), profile.categories(),
            draft == null ? null : draft.value(), limit, access.policy(), reader))
        .map(ranked -> new MostRelevant(ranked.items().stream().map(ReadModelExistingAgreements::existing).toList(), ranked.total()));
  }

  private static ExistingAgreement existing(gov.ice.registry.projection.repository.AgreementDocument a) {
    return new ExistingAgreement(a.id(), a.title(), a.kind(), a.status(), a.parties().stream().map(Party::name).toList(), a.categories());
  }

  @Override
  public Flux<ExistingAgreement> overlapping(AgreementId draft, AgreementProfile profile) {
    return access.reader().flatMap(access::hidden).flatMapMany(hidden -> agreements.existingAgreements(profile.parties(),
            profile.categories(), draft == null ? null : draft.value())
        .filter(a -> !hidden.contains(a.id())))
        .map(a -> new ExistingAgreement(a.id(), a.title(), a.kind(), a.status(),
            a.parties().stream().map(Party::name).toList(), a.categories()));
  }
}

package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.LedgerReader;
import gov.ice.registry.agreement.api.AgreementDrafted;
import gov.ice.registry.agreement.api.AgreementId;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The day an agreement was drafted in the registry, in the registry's zone, from its first
 * ledger entry. Nothing can be signed for an agreement before it existed. The date never
 * changes once recorded, so reading it before the command is sent is no race. An imported
 * agreement was not drafted here and has none.
 */
@Component
class DraftDates {

  private final LedgerReader ledger;
  private final Clock clock;

  DraftDates(LedgerReader ledger, Clock clock) {
    this.ledger = ledger;
    this.clock = clock;
  }

  Mono<Optional<LocalDate>> draftedOn(AgreementId id) {
    return Mono.fromCallable(() -> ledger.history(id).stream()
            .findFirst()
            .filter(first -> first.getPayload() instanceof AgreementDrafted)
            .map(first -> LocalDate.ofInstant(first.getTimestamp(), clock.getZone())))
        .subscribeOn(Schedulers.boundedElastic());
  }
}

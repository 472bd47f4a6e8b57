package gov.ice.registry.projection.work;

import gov.ice.registry.projection.repository.AgreementSearchEngine;
import gov.ice.registry.projection.repository.WorkSchema;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What awaits a user: the items of every role the user holds, each once, the longest waiting
 * first, answered by the search index, which keeps every agreement's items beside it
 * ({@link WorkSchema}), on the embedded store and on MongoDB alike.
 */
@Service
public class WorkQueries {

  private final AgreementSearchEngine index;

  public WorkQueries(AgreementSearchEngine index) {
    this.index = index;
  }

  /** Page {@code page} (from 0) of {@code size} items of the queues of {@code roles}, as of {@code today}. */
  public Mono<WorkPage> queue(Collection<String> roles, LocalDate today, int page, int size) {
    return queue(roles, today, page, size, Set.of());
  }

  /** {@link #queue(Collection, LocalDate, int, int)} without the items of the agreements {@code hidden} (those the user may not see). */
  public Mono<WorkPage> queue(Collection<String> roles, LocalDate today, int page, int size, Set<String> hidden) {
    Set<String> holders = Set.copyOf(roles);
    return Mono.fromCallable(() -> {
      WorkSchema.Rows found = index.work(holders, today, (long) page * size, size, hidden);
      return new WorkPage(found.rows().stream().map(row -> entry(row, today)).toList(), found.total(), page, size);
    }).subscribeOn(Schedulers.parallel());
  }

  /** An open item a reminder may be owed for, with its agreement. */
  public record Waiting(String agreementId, WorkItem item) {}

  /** Every open concurrence, clearance and signature item, for the reminder job. */
  public Flux<Waiting> waitingSteps() {
    Set<String> reasons = Set.of(WorkReason.AWAITING_CONCURRENCE.name(), WorkReason.AWAITING_CLEARANCE.name(),
        WorkReason.AWAITING_SIGNATURE.name());
    return Flux.defer(() -> Flux.fromIterable(index.waiting(reasons)))
        .map(row -> new Waiting(row.getString("agreementId"), WorkDocument.item(row.get("item", Document.class))))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private static WorkEntry entry(Document row, LocalDate today) {
    WorkItem item = WorkDocument.item(row.get("item", Document.class));
    return new WorkEntry(row.getString("agreementId"), row.getString("title"), item.reason(), item.office(), item.authority(),
        item.since(), WorkDays.between(item.since(), today));
  }
}

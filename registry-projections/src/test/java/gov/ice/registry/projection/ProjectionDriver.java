package gov.ice.registry.projection;

import gov.ice.registry.agreement.AgreementFixtures;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.projection.audit.ApprovalProjection;
import gov.ice.registry.projection.exigent.ExigentDeadlineProjection;
import gov.ice.registry.projection.mongo.ReadStore;
import gov.ice.registry.projection.notices.NoticeProjection;
import gov.ice.registry.projection.repository.AgreementRepositoryProjection;
import gov.ice.registry.projection.reviews.ReviewProjection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import gov.ice.registry.projection.context.AgreementLedger;

/**
 * Applies events to every read model through Axon's own annotation adapter (the same handler
 * resolution a processor uses), without a processor: for unit-level tests of what the documents say.
 * The ledger it folds from is the events applied so far.
 */
public final class ProjectionDriver {

  public static final List<String> COLLECTIONS = List.of("agreements", "reviews", "exigentTransfers", "notices", "approvals");

  private final List<DomainEventMessage<?>> ledger = new ArrayList<>();
  private final List<AnnotationEventHandlerAdapter> projections;

  public ProjectionDriver(ReadStore store) {
    AgreementLedger fromApplied = (id, sequence) -> ledger.stream()
        .filter(m -> AgreementId.of(m.getAggregateIdentifier()).equals(id) && m.getSequenceNumber() < sequence)
        .toList();
    projections = List.of(
        new AnnotationEventHandlerAdapter(new AgreementRepositoryProjection(store, fromApplied)),
        new AnnotationEventHandlerAdapter(new ReviewProjection(store, fromApplied)),
        new AnnotationEventHandlerAdapter(new ExigentDeadlineProjection(store, fromApplied)),
        new AnnotationEventHandlerAdapter(new NoticeProjection(store, fromApplied)),
        new AnnotationEventHandlerAdapter(new ApprovalProjection(store, fromApplied)));
  }

  public ProjectionDriver apply(Collection<? extends DomainEventMessage<?>> messages) {
    for (DomainEventMessage<?> message : messages) {
      if (ledger.stream().noneMatch(m -> m.getIdentifier().equals(message.getIdentifier()))) {
        ledger.add(message);
      }
      for (AnnotationEventHandlerAdapter projection : projections) {
        try {
          projection.handle(message);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return this;
  }

  public ProjectionDriver apply(AgreementFixtures.Story story) {
    return apply(story.messages());
  }
}

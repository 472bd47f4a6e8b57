package gov.ice.registry.projection.processing;

import gov.ice.registry.projection.audit.ApprovalProjection;
import gov.ice.registry.projection.cycle.CycleTimeProjection;
import gov.ice.registry.projection.exigent.ExigentDeadlineProjection;
import gov.ice.registry.projection.notices.NoticeProjection;
import gov.ice.registry.projection.repository.AgreementRepositoryProjection;
import gov.ice.registry.projection.reviews.ReviewProjection;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import gov.ice.registry.projection.batch.BatchedProjection;

/**
 * How every read model is processed: a pooled streaming processor per processing group (one
 * event stream, {@code segments} work packages, batches of {@code batchSize} events written
 * once each by {@link BatchedProjection}), a propagating error handler (a failing batch is
 * retried with back-off, never skipped; each failure and each commit is told to
 * {@link ReadModelFailures}), a MongoTokenStore in the read store itself, so a
 * projection's token is kept, lost or reset together with its documents and segments are
 * claimed there by whichever instance runs them, and no transaction manager: nothing of a batch
 * is in the ledger's database. Other processors (the webhook outbox) keep the application's
 * default token store in the ledger DB.
 */
public final class TrackingProjections {

  /** The read models' processing groups, which are also their names for a rebuild. */
  public static final List<String> GROUPS = List.of(
      AgreementRepositoryProjection.GROUP,
      ReviewProjection.GROUP,
      ExigentDeadlineProjection.GROUP,
      NoticeProjection.GROUP,
      ApprovalProjection.GROUP,
      CycleTimeProjection.GROUP);

  /** Each read model's collection (its base name: a rebuilt one lives in a successor, see ReadStore). */
  public static final Map<String, String> COLLECTIONS = Map.of(
      AgreementRepositoryProjection.GROUP, "agreements",
      ReviewProjection.GROUP, "reviews",
      ExigentDeadlineProjection.GROUP, "exigentTransfers",
      NoticeProjection.GROUP, "notices",
      ApprovalProjection.GROUP, "approvals",
      CycleTimeProjection.GROUP, CycleTimeProjection.COLLECTION);

  private TrackingProjections() {}

  public static void register(EventProcessingConfigurer processing, com.mongodb.client.MongoDatabase tokenDatabase) {
    register(processing, tokenDatabase, ReadModelProperties.DEFAULTS, new ReadModelFailures());
  }

  /**
   * Registers the read models' processors. {@code MongoTokenStore} uses no transaction manager
   * by default ({@code NoTransactionManager}) and opens no session: it suits mongo-java-server.
   */
  public static void register(EventProcessingConfigurer processing, com.mongodb.client.MongoDatabase tokenDatabase,
      ReadModelProperties properties, ReadModelFailures failures) {
    for (String group : GROUPS) {
      processing
          .registerPooledStreamingEventProcessor(group, Configuration::eventStore,
              (c, builder) -> builder.batchSize(properties.batchSize()).initialSegmentCount(properties.segments()))
          // Counted, then propagated: the batch rolls back and its segment is retried after a growing pause.
          .registerListenerInvocationErrorHandler(group, c -> (exception, event, handler) -> {
            failures.failed(group, segment(group), exception);
            PropagatingErrorHandler.instance().onError(exception, event, handler);
          })
          .registerHandlerInterceptor(group, c -> (unitOfWork, chain) -> {
            unitOfWork.root().getOrComputeResource(ReadModelFailures.class.getName(), key -> {
              int segment = segment(group);
              unitOfWork.root().afterCommit(u -> failures.succeeded(group, segment));
              return Boolean.TRUE;
            });
            return chain.proceed();
          })
          // Documents and tokens live in MongoDB: a batch has no business holding a ledger (JDBC) connection.
          .registerTransactionManager(group, c -> NoTransactionManager.instance())
          .registerTokenStore(group, c -> MongoTokenStore.builder()
              .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(tokenDatabase).build())
              .serializer(c.serializer())
              .build());
    }
  }

  /** The segment the current batch belongs to, as the pooled processor names it in the unit of work (0 outside one). */
  private static int segment(String group) {
    if (!CurrentUnitOfWork.isStarted()) {
      return 0;
    }
    Object segment = CurrentUnitOfWork.get().root().getResource("Processor[" + group + "]/SegmentId");
    return segment instanceof Integer id ? id : 0;
  }
}

package gov.ice.registry.projection;

import gov.ice.registry.projection.audit.ApprovalProjection;
import gov.ice.registry.projection.exigent.ExigentDeadlineProjection;
import gov.ice.registry.projection.notices.NoticeProjection;
import gov.ice.registry.projection.repository.AgreementRepositoryProjection;
import gov.ice.registry.projection.reviews.ReviewProjection;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;

/**
 * How every read model is processed: a tracking processor per processing group, a propagating
 * error handler (a failing event is retried with back-off, never skipped), a MongoTokenStore in
 * the read store itself, so a projection's token is lost or reset together with its documents,
 * and no transaction manager: nothing of a batch is in the ledger's database.
 * Other processors (the webhook outbox) keep the application's default token store in the ledger DB.
 */
public final class TrackingProjections {

  /** The read models' processing groups, which are also their names for a rebuild. */
  public static final List<String> GROUPS = List.of(
      AgreementRepositoryProjection.GROUP,
      ReviewProjection.GROUP,
      ExigentDeadlineProjection.GROUP,
      NoticeProjection.GROUP,
      ApprovalProjection.GROUP);

  /** Events handled per transaction; handlers are idempotent, so a retried batch changes nothing. */
  static final int BATCH_SIZE = 50;

  private TrackingProjections() {}

  /**
   * Registers the read models' processors. {@code MongoTokenStore} uses no transaction manager
   * by default ({@code NoTransactionManager}) and opens no session: it suits mongo-java-server.
   */
  public static void register(EventProcessingConfigurer processing, com.mongodb.client.MongoDatabase tokenDatabase) {
    for (String group : GROUPS) {
      processing
          .registerTrackingEventProcessor(group, Configuration::eventStore,
              c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH_SIZE))
          .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
          // Documents and tokens live in MongoDB: a batch has no business holding a ledger (JDBC) connection.
          .registerTransactionManager(group, c -> NoTransactionManager.instance())
          .registerTokenStore(group, c -> MongoTokenStore.builder()
              .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(tokenDatabase).build())
              .serializer(c.serializer())
              .build());
    }
  }
}

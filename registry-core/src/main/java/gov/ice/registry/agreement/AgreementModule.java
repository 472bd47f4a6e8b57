package gov.ice.registry.agreement;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * How an application hosts the agreement aggregate. Commands name the agreement; the version a
 * caller expects (its {@code If-Match}) travels in the metadata, because it is a concern of the
 * conversation, not of the command.
 */
public final class AgreementModule {

  /**
   * Metadata key of the agreement version a command expects: the number of events the agreement
   * had when the caller read it. A command against a newer version fails with Axon's
   * {@code ConflictingAggregateVersionException} and stores nothing.
   */
  public static final String EXPECTED_VERSION = "expectedVersion";

  private AgreementModule() {}

  public static AggregateConfigurer<Agreement> aggregate() {
    return AggregateConfigurer.defaultConfiguration(Agreement.class)
        .configureCommandTargetResolver(c -> new ExpectedVersionTargetResolver());
  }

  /**
   * The dispatch interceptor every event store holding agreements must carry: it stores each
   * event with the time its seal records, which the ledger's hash covers (see {@link SealedTime}).
   */
  public static MessageDispatchInterceptor<EventMessage<?>> sealedTime() {
    return new SealedTime();
  }

  /** Reads the expected version from the metadata; Axon's sequence numbers start at 0, versions at 1. */
  static final class ExpectedVersionTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver annotated = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
      VersionedAggregateIdentifier target = annotated.resolveTarget(command);
      Object expected = command.getMetaData().get(EXPECTED_VERSION);
      if (expected == null) {
        return target;
      }
      long version = expected instanceof Number n ? n.longValue() : Long.parseLong(expected.toString());
      return new VersionedAggregateIdentifier(target.getIdentifier(), version - 1);
    }
  }
}

package gov.ice.registry.web.pages;

import gov.ice.registry.agreement.Agreement;
import gov.ice.registry.agreement.AgreementState;
import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.api.AgreementProfile;
import gov.ice.registry.agreement.api.DraftAgreement;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * What drafting a profile would decide (its scope and the stakeholders it requires, with the
 * rule ids), computed by the agreement itself and stored nowhere: the aggregate handles
 * {@code DraftAgreement} as Axon's repository would create it, but outside any unit of work and
 * with a private event bus that has no store and no subscriber, so its events go nowhere. A
 * profile the registry would refuse comes back as the same {@code AgreementRefused}.
 */
final class StakeholderPreview {

  private StakeholderPreview() {}

  /**
   * The agreement's model as the application's Axon configuration inspects it: its handlers'
   * extra parameters (the {@code Clock}, the {@code AgreementDirectory}) resolve as they do for
   * the real command handling.
   */
  static AggregateModel<Agreement> model(org.axonframework.config.Configuration axon) {
    return AnnotatedAggregateMetaModelFactory.inspectAggregate(Agreement.class, axon.parameterResolverFactory(),
        axon.handlerDefinition(Agreement.class));
  }

  static AgreementState of(AggregateModel<Agreement> model, AgreementProfile profile, AgreementDirectory directory, Clock clock)
      throws Exception {
    DraftAgreement draft = new DraftAgreement(AgreementId.of(UUID.randomUUID().toString()), profile);
    java.util.concurrent.Callable<Agreement> create = () -> new Agreement(draft, directory, clock);
    EventSourcedAggregate<Agreement> aggregate = EventSourcedAggregate.initialize(create, model,
        SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
    return aggregate.getAggregateRoot().state();
  }
}

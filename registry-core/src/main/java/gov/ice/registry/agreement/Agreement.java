package gov.ice.registry.agreement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import gov.ice.registry.agreement.api.AgreementDirectory;
import gov.ice.registry.agreement.api.AgreementEvent;
import gov.ice.registry.agreement.api.AmendAgreement;
import gov.ice.registry.agreement.api.AttachDocument;
import gov.ice.registry.agreement.api.CompleteLegalReview;
import gov.ice.registry.agreement.api.DecideClearance;
import gov.ice.registry.agreement.api.DraftAgreement;
import gov.ice.registry.agreement.api.ErasePersonalData;
import gov.ice.registry.agreement.api.ExpireAgreement;
import gov.ice.registry.agreement.api.ImportExecutedAgreement;
import gov.ice.registry.agreement.api.IssueExigentDeadlineNotice;
import gov.ice.registry.agreement.api.IssueReminder;
import gov.ice.registry.agreement.api.IssueReviewDueNotice;
import gov.ice.registry.agreement.api.RaiseDispute;
import gov.ice.registry.agreement.api.RecordBiennialReview;
import gov.ice.registry.agreement.api.RecordConcurrence;
import gov.ice.registry.agreement.api.RecordExigentTransfer;
import gov.ice.registry.agreement.api.RequestClearance;
import gov.ice.registry.agreement.api.ResolveDispute;
import gov.ice.registry.agreement.api.MarkHandling;
import gov.ice.registry.agreement.api.ReviseDraft;
import gov.ice.registry.agreement.api.SignAgreement;
import gov.ice.registry.agreement.api.TerminateAgreement;
import gov.ice.registry.agreement.api.WithdrawAgreement;
import gov.ice.registry.agreement.api.WithdrawDocumentContent;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * An information sharing and access agreement through the handbook's lifecycle. Each handler
 * hands the command and the current state to the stage that decides it (drafting, concurrence
 * and disputes, clearance, signing, maintenance, exigent transfers, notices), then records the
 * events decided, each sealed into the hash chain by {@link EventSeal}; the state changes only
 * by folding those events. Nothing here reads the system clock: dates come in the commands,
 * and "today" from the injected {@link Clock}. Every handler answers the agreement's facts
 * after the command ({@link AgreementFacts}), which the HTTP edge returns to the caller.
 */
public class Agreement {

  @AggregateIdentifier
  private String id;

  private AgreementState state = AgreementState.none();

  private final EventSeal seal = new EventSeal();

  protected Agreement() {
    // Axon rebuilds the aggregate from its events.
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  AgreementFacts handle(DraftAgreement command, AgreementDirectory directory, Clock clock) {
    return record(Drafting.draft(command, directory), clock);
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  AgreementFacts handle(ImportExecutedAgreement command, AgreementDirectory directory, Clock clock) {
    return record(Signing.importExecuted(command, directory, today(clock)), clock);
  }

  @CommandHandler
  AgreementFacts handle(ReviseDraft command, AgreementDirectory directory, Clock clock) {
    return record(Drafting.revise(state, command, directory), clock);
  }

  @CommandHandler
  AgreementFacts handle(WithdrawAgreement command, Clock clock) {
    return record(Drafting.withdraw(state, command), clock);
  }

  @CommandHandler
  AgreementFacts handle(RecordConcurrence command, AgreementDirectory directory, Clock clock) {
    return record(ConcurrenceAndDisputes.record(state, command, directory), clock);
  }

  @CommandHandler
  AgreementFacts handle(RaiseDispute command, Clock clock) {
    return record(ConcurrenceAndDisputes.raise(state, command), clock);
  }

  @CommandHandler
  AgreementFacts handle(ResolveDispute command, Clock clock) {
    return record(ConcurrenceAndDisputes.resolve(state, command), clock);
  }

  @CommandHandler
  AgreementFacts handle(RequestClearance command, Clock clock) {
    return record(Clearance.request(state, command), clock);
  }

  @CommandHandler
  AgreementFacts handle(DecideClearance command, Clock clock) {
    return record(Clearance.decide(state, command), clock);
  }

  @CommandHandler
  AgreementFacts handle(CompleteLegalReview command, Clock clock) {
    return record(Clearance.completeLegalReview(state, command), clock);
  }

  @CommandHandler
  AgreementFacts handle(SignAgreement command, Clock clock) {
    return record(Signing.sign(state, command, today(clock)), clock);
  }

  @CommandHandler
  AgreementFacts handle(RecordBiennialReview command, Clock clock) {
    return record(Maintenance.review(state, command, today(clock)), clock);
  }

  @CommandHandler
  AgreementFacts handle(AmendAgreement command, AgreementDirectory directory, Clock clock) {
    return record(Maintenance.amend(state, command, directory, today(clock)), clock);
  }

  @CommandHandler
  AgreementFacts handle(TerminateAgreement command, Clock clock) {
    return record(Maintenance.terminate(state, command, today(clock)), clock);
  }

  @CommandHandler
  AgreementFacts handle(ExpireAgreement command, Clock clock) {
    return record(Maintenance.expire(state, command), clock);
  }

  @CommandHandler
  AgreementFacts handle(ErasePersonalData command, Clock clock) {
    return record(Maintenance.erasePersonalData(state, command), clock);
  }

  @CommandHandler
  AgreementFacts handle(RecordExigentTransfer command, Clock clock) {
    return record(ExigentTransfers.record(state, command, today(clock)), clock);
  }

  @CommandHandler
  AgreementFacts handle(IssueReviewDueNotice command, Clock clock) {
    return record(Notices.reviewDue(state, command), clock);
  }

  @CommandHandler
  AgreementFacts handle(IssueExigentDeadlineNotice command, Clock clock) {
    return record(Notices.exigentDeadlineMissed(state, command), clock);
  }

  @CommandHandler
  AgreementFacts handle(AttachDocument command, Clock clock) {
    return record(Documents.attach(state, command), clock);
  }

  @CommandHandler
  AgreementFacts handle(WithdrawDocumentContent command, Clock clock) {
    return record(Documents.withdrawContent(state, command), clock);
  }

  @CommandHandler
  AgreementFacts handle(MarkHandling command, Clock clock) {
    return record(HandlingMarkings.mark(state, command), clock);
  }

  @CommandHandler
  AgreementFacts handle(IssueReminder command, Clock clock) {
    return record(Notices.reminder(state, command), clock);
  }

  @EventSourcingHandler
  void on(AgreementEvent event, @SequenceNumber long sequence, MetaData metaData) {
    id = event.agreementId().value();
    state = state.then(event);
    seal.follow(sequence, metaData);
  }

  /** The aggregate's current decision state, for the tests beside it; immutable. */
  AgreementState state() {
    return state;
  }

  /**
   * What drafting {@code command} would record (its scope, its required stakeholders with their
   * rule ids), decided exactly as the handler decides it but sealed and stored nowhere: the draft
   * page's preview. A profile the registry would refuse throws the same {@code AgreementRefused}.
   */
  public static AgreementFacts preview(DraftAgreement command, AgreementDirectory directory) {
    return new AgreementFacts(Drafting.draft(command, directory).state());
  }

  /** What importing {@code command} would record, decided as the handler decides it but stored nowhere: a dry run. */
  public static AgreementFacts preview(ImportExecutedAgreement command, AgreementDirectory directory, Clock clock) {
    return new AgreementFacts(Signing.importExecuted(command, directory, today(clock)).state());
  }

  /**
   * Applies what a stage decided, each event with its seal, and answers the agreement's facts
   * after them, which the HTTP edge returns without reading the ledger back. Axon applies the
   * events of a creating command only after its handler returns, so the answer is the state the
   * stage decided with, which already folded each event it recorded.
   */
  private AgreementFacts record(Decided decided, Clock clock) {
    for (AgreementEvent event : decided.events()) {
      apply(event, seal.seal(event, clock));
    }
    return new AgreementFacts(decided.state());
  }

  private static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), clock.getZone());
  }
}

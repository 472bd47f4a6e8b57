package gov.ice.registry.web.agreement;

import gov.ice.registry.agreement.AgreementModule;
import gov.ice.registry.agreement.LedgerReader;
import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementId;
import gov.ice.registry.agreement.AgreementFacts;
import gov.ice.registry.eventstore.LedgerMetadata;
import gov.ice.registry.web.position.LedgerWrites;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import gov.ice.registry.web.Blocking;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a command with the acting user and the request in its metadata, and answers with the
 * agreement as the command left it: every handler, a creating one too, returns the agreement's
 * facts after the events it decided (the answer comes only once they are committed), so nothing
 * is read back from the ledger. Sending is blocking JDBC work, so it runs on the bounded elastic
 * scheduler, never on the Netty event loop.
 */
@Component
public class CommandDispatcher {

  private final CommandGateway commands;
  private final LedgerReader ledger;

  CommandDispatcher(CommandGateway commands, LedgerReader ledger) {
    this.commands = commands;
    this.ledger = ledger;
  }

  public Mono<AgreementSummary> dispatch(AgreementId id, Object command, CommandContext context) {
    return Blocking.uninterruptible(() -> {
      Object decided;
      try {
        decided = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata(context)));
        context.wrote(id);
      } catch (RuntimeException failure) {
        throw staleIfMatchFirst(id, context, failure);
      }
      if (decided instanceof AgreementFacts facts) {
        return AgreementSummary.of(facts);
      }
      throw new IllegalStateException("The handler of " + command.getClass().getSimpleName() + " answered no agreement");
    });
  }

  /**
   * Sends a command that creates an agreement and waits for it, on the caller's thread, without
   * reading the agreement back: a bulk import reports only the id, which the caller already has.
   */
  void sendAndWait(AgreementId id, Object command, CommandContext context) {
    commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata(context)));
    context.wrote(id);
  }

  /**
   * Axon checks the expected version when the unit of work commits, after the handler ran; a
   * handler that refuses first would hide that the caller decided on an outdated agreement. A
   * stale If-Match is the more useful answer: read again, then decide.
   */
  private RuntimeException staleIfMatchFirst(AgreementId id, CommandContext context, RuntimeException failure) {
    if (context.expectedVersion() == null || failure instanceof ConflictingModificationException) {
      return failure;
    }
    long current = ledger.stateOf(id).map(AgreementFacts::version).orElse(0L);
    if (current != 0 && current != context.expectedVersion()) {
      return new ConflictingAggregateVersionException(id.value(), context.expectedVersion(), current);
    }
    return failure;
  }

  /** The agreement as the ledger holds it now (an import that found its reference already imported answers with it). */
  Mono<AgreementSummary> current(AgreementId id) {
    return Mono.fromCallable(() -> summary(id)).subscribeOn(Schedulers.boundedElastic());
  }

  private AgreementSummary summary(AgreementId id) {
    return ledger.stateOf(id)
        .map(AgreementSummary::of)
        .orElseThrow(() -> new AggregateNotFoundException(id.value(), "The agreement " + id + " has no events"));
  }

  private static MetaData metadata(CommandContext context) {
    Map<String, Object> metadata = new HashMap<>(context.actor().asMetadata());
    metadata.put(LedgerMetadata.REQUEST_ID, context.requestId());
    if (context.expectedVersion() != null) {
      metadata.put(AgreementModule.EXPECTED_VERSION, context.expectedVersion());
    }
    return MetaData.from(metadata);
  }

  /**
   * Who sends the command, in which request, and the agreement version the caller saw (If-Match),
   * if any; {@code writes} collects the agreements written, so the answer can name the ledger
   * position a later read waits for (null where no request asks, as in a job).
   */
  public record CommandContext(Actor actor, String requestId, Long expectedVersion, LedgerWrites writes) {

    public CommandContext(Actor actor, String requestId, Long expectedVersion) {
      this(actor, requestId, expectedVersion, null);
    }

    /** The context of a command sent while handling {@code exchange}. */
    public static CommandContext of(ServerWebExchange exchange, Actor actor, Long expectedVersion) {
      return new CommandContext(actor, exchange.getRequest().getId(), expectedVersion, LedgerWrites.of(exchange));
    }

    void wrote(AgreementId id) {
      if (writes != null) {
        writes.wrote(id);
      }
    }
  }
}

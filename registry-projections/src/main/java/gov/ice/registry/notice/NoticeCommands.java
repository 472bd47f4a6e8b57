package gov.ice.registry.notice;

import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.failure.Causes;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Sends the notice job's commands as the registry's scheduler ({@link Actor#SYSTEM}). The aggregate
 * records each notice once, so the job may run on two instances at once: the loser of a race on
 * the same agreement gets a version conflict, retries, and finds the notice recorded already.
 */
@Component
public class NoticeCommands {

  /** What became of one command. */
  public enum Outcome {
    /** The agreement accepted the command (it records the notice, or had recorded it already). */
    SENT,
    /** The agreement says there is nothing due: a stale read model, or the job of another instance. */
    NOT_DUE,
    /** Anything else; logged, counted, and retried by the next run. */
    FAILED
  }

  private static final Logger log = LoggerFactory.getLogger(NoticeCommands.class);
  private static final int CONFLICT_RETRIES = 5;

  private final CommandGateway commands;
  private final MeterRegistry meters;

  public NoticeCommands(CommandGateway commands, MeterRegistry meters) {
    this.commands = commands;
    this.meters = meters;
  }

  public Mono<Outcome> send(String kind, Object command) {
    // The command bus handles the command on the sending thread, with JDBC: never on a driver or event-loop thread.
    return Mono.defer(() -> Mono.fromFuture(commands.send(command, MetaData.from(Actor.SYSTEM.asMetadata()))))
        .subscribeOn(Schedulers.boundedElastic())
        // Reactor's back-off, as StartupRetry's: these retries are waited out inside this one send.
        // The webhooks' waits outlive the process, so they use NoticeProperties.webhookBackOff().
        .retryWhen(Retry.backoff(CONFLICT_RETRIES, Duration.ofMillis(50)).filter(NoticeCommands::isConflict)
            .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
        .thenReturn(Outcome.SENT)
        .onErrorResume(error -> {
          if (refusal(error) != null && refusal(error).code() == RefusalCode.NOT_DUE) {
            return Mono.just(Outcome.NOT_DUE);
          }
          log.warn("notice command {} failed: {}", command.getClass().getSimpleName(), error.toString());
          return Mono.just(Outcome.FAILED);
        })
        .doOnNext(outcome -> meters.counter("registry.notices.job.commands", "kind", kind, "outcome", outcome.name()).increment());
  }

  static boolean isConflict(Throwable error) {
    // Without an exception resolver the event store reports a duplicate (aggregate, sequence) as the SQL error.
    return Causes.any(error, t -> t instanceof ConcurrencyException
        || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")));
  }

  static AgreementRefused refusal(Throwable error) {
    return Causes.find(error, AgreementRefused.class).orElse(null);
  }
}

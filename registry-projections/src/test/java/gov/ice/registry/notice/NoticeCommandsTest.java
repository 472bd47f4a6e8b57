package gov.ice.registry.notice;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.agreement.api.Actor;
import gov.ice.registry.agreement.api.AgreementRefused;
import gov.ice.registry.agreement.api.RefusalCode;
import gov.ice.registry.notice.NoticeCommands.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/** How the job's commands treat the answers of the aggregate and the event store. */
class NoticeCommandsTest {

  /** Answers each send with the next queued failure, or success once the queue is empty. */
  static final class ScriptedGateway implements CommandGateway {

    final Deque<RuntimeException> failures = new ArrayDeque<>();
    final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();

    @Override
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> send(Object command) {
      sent.add(GenericCommandMessage.asCommandMessage(command));
      RuntimeException failure = failures.poll();
      return failure == null ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(failure);
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <R> R sendAndWait(Object command) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Registration registerDispatchInterceptor(
        MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
      throw new UnsupportedOperationException();
    }
  }

  ScriptedGateway gateway = new ScriptedGateway();
  SimpleMeterRegistry meters = new SimpleMeterRegistry();
  NoticeCommands commands = new NoticeCommands(gateway, meters);

  private Outcome send() {
    return commands.send("review-due", "a command").block();
  }

  @Test
  void sendsAsTheSchedulerActor() {
    assertThat(send()).isEqualTo(Outcome.SENT);
    assertThat(gateway.sent).singleElement().satisfies(m -> assertThat(Actor.fromMetadata(m.getMetaData())).isEqualTo(Actor.SYSTEM));
    assertThat(meters.counter("registry.notices.job.commands", "kind", "review-due", "outcome", "SENT").count()).isEqualTo(1.0);
  }

  @Test
  void retriesAVersionConflictAndADuplicateKey() {
    gateway.failures.add(new ConcurrencyException("another instance appended first"));
    gateway.failures.add(new EventStoreException("append failed",
        new SQLIntegrityConstraintViolationException("duplicate key", "23505")));
    assertThat(send()).isEqualTo(Outcome.SENT);
    assertThat(gateway.sent).hasSize(3);
  }

  @Test
  void takesNotDueAsNothingToDo() {
    gateway.failures.add(new AgreementRefused(RefusalCode.NOT_DUE, "already reviewed"));
    assertThat(send()).isEqualTo(Outcome.NOT_DUE);
    assertThat(gateway.sent).hasSize(1);
  }

  @Test
  void reportsOtherFailuresWithoutRetrying() {
    gateway.failures.add(new AgreementRefused(RefusalCode.WRONG_STATUS, "withdrawn"));
    assertThat(send()).isEqualTo(Outcome.FAILED);
    gateway.failures.add(new IllegalStateException("bus down"));
    assertThat(send()).isEqualTo(Outcome.FAILED);
    assertThat(gateway.sent).hasSize(2);
    assertThat(meters.counter("registry.notices.job.commands", "kind", "review-due", "outcome", "FAILED").count()).isEqualTo(2.0);
  }
}

package gov.ice.registry.operations;

import gov.ice.registry.agreement.api.AgreementRefused;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Each command's handling time until its events are committed (or it is refused or rolled back),
 * as {@code registry.commands{command,outcome}}: a histogram with the SLO buckets of the
 * application's configuration, so percentiles aggregate across instances. A refusal also counts
 * in {@code registry.commands.refused{code}}. A retried command is timed once per attempt.
 */
final class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

  static final String TIMER = "registry.commands";
  static final String REFUSALS = "registry.commands.refused";

  private final MeterRegistry meters;

  CommandMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  void register(CommandBus commandBus) {
    commandBus.registerHandlerInterceptor(this);
  }

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
    String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
    Timer.Sample sample = Timer.start(meters);
    AtomicBoolean done = new AtomicBoolean();
    unitOfWork.afterCommit(u -> stop(sample, done, command, "success"));
    unitOfWork.onRollback(u -> stop(sample, done, command, conflict(u.getExecutionResult()) ? "conflict" : "failed"));
    try {
      return chain.proceed();
    } catch (AgreementRefused refused) {
      Counter.builder(REFUSALS).description("Commands refused by the agreement's rules, by refusal code")
          .tag("code", refused.code().name()).register(meters).increment();
      stop(sample, done, command, "refused");
      throw refused;
    }
  }

  private void stop(Timer.Sample sample, AtomicBoolean done, String command, String outcome) {
    if (done.compareAndSet(false, true)) {
      sample.stop(Timer.builder(TIMER).description("Command handling until its events are committed")
          .tag("command", command).tag("outcome", outcome).register(meters));
    }
  }

  private static boolean conflict(ExecutionResult result) {
    return result != null && result.isExceptionResult()
        && CommandRetryConfiguration.LedgerConflictRetry.appendConflict(result.getExceptionResult());
  }
}

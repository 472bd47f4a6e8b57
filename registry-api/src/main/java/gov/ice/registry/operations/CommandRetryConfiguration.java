package gov.ice.registry.operations;

import gov.ice.registry.agreement.AgreementModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command gateway, retrying a command that lost a race for the ledger's (aggregate, sequence)
 * key to a command on another instance (or another thread). Without If-Match the caller asked for
 * the change on whatever the agreement is now, so the command is decided again on the agreement
 * as the winner left it: the answer is the one a single instance taking both in turn would give.
 * With If-Match the caller decided on a version that is gone: that stays a 409.
 */
@Configuration(proxyBeanMethods = false)
class CommandRetryConfiguration {

  static final int MAX_RETRIES = 8;
  static final long BACKOFF_MILLIS = 10;

  /**
   * The retries' thread, wrapped: a bean of type ScheduledExecutorService would become the
   * executor of every {@code @Scheduled} job in the application.
   */
  @Bean
  RetryThread commandRetryThread() {
    return new RetryThread(Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "command-retry");
      thread.setDaemon(true);
      return thread;
    }));
  }

  record RetryThread(ScheduledExecutorService executor) implements AutoCloseable {

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }

  /** Also registers the command metrics' interceptor on the bus the gateway sends to. */
  @Bean
  CommandGateway commandGateway(CommandBus commandBus, RetryThread commandRetryThread, MeterRegistry meters) {
    new CommandMetrics(meters).register(commandBus);
    RetryScheduler backoff = ExponentialBackOffIntervalRetryScheduler.builder()
        .retryExecutor(commandRetryThread.executor())
        .backoffFactor(BACKOFF_MILLIS)
        .maxRetryCount(MAX_RETRIES)
        .build();
    return DefaultCommandGateway.builder()
        .commandBus(commandBus)
        .retryScheduler(new LedgerConflictRetry(backoff))
        .build();
  }

  /** Retries only an append conflict of a command without an expected version; every other failure is the answer. */
  static final class LedgerConflictRetry implements RetryScheduler {

    private final RetryScheduler delegate;

    LedgerConflictRetry(RetryScheduler delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
        List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
      if (commandMessage.getMetaData().containsKey(AgreementModule.EXPECTED_VERSION) || !appendConflict(lastFailure)) {
        return false;
      }
      return delegate.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
    }

    static boolean appendConflict(Throwable failure) {
      for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof ConcurrencyException) {
          return true;
        }
      }
      return false;
    }
  }
}

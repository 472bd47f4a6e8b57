package gov.ice.registry.web.server;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Blocking ledger work off the event loop that a cancelled exchange does not interrupt. With
 * {@code subscribeOn}, a cancel (the server closing a connection as it stops, a client going away)
 * interrupts the thread: Axon then broke a unit of work after its commit and logged a stack trace,
 * and an interrupt in the middle of the H2 file's I/O can close its channel. Here the work runs to
 * its end and a cancelled caller simply drops the result: a command is stored and answered, or
 * not started, never cut in half.
 */
public final class Blocking {

  private Blocking() {}

  public static <T> Mono<T> uninterruptible(Callable<T> work) {
    return Mono.create(sink -> Schedulers.boundedElastic().schedule(() -> {
      T result;
      try {
        result = work.call();
      } catch (Throwable failure) {
        sink.error(failure);
        return;
      }
      sink.success(result);
    }));
  }
}

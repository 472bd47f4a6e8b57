package gov.ice.registry.operations;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Says that the registry has begun to stop (SIGTERM, or the context closing), before the web
 * server starts draining: a lifecycle of the highest phase is the first one Spring stops. Long
 * work (a bulk import) asks it between rows and ends early with what it stored, so the drain
 * never has to cut it off; short requests simply finish (docs/graceful-stop.md).
 */
@Component
public class ShutdownSignal implements SmartLifecycle {

  private volatile boolean running;
  private volatile boolean stopping;

  /** True from the moment the registry began to stop. */
  public boolean stopping() {
    return stopping;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    stopping = true;
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stopped first: above the web server's graceful shutdown (DEFAULT_PHASE - 1024) and Axon's phases. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE;
  }
}

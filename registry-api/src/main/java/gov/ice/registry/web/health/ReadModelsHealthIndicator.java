package gov.ice.registry.web.health;

import gov.ice.registry.projection.processing.ProjectionRebuilder;
import gov.ice.registry.projection.processing.ProjectionRebuilder.ProjectionStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code readModels} in the readiness group: down (503) until every read model has reached the
 * ledger's head as it stood when this instance started, so a load balancer sends no searches that
 * would answer partially; then up, with each read model's position and lag (events behind).
 *
 * <p>While down, {@code heldBy} names each read model that holds readiness and why: still catching
 * up, or failing (its attempts, since when, its last error). A read model that fails after it
 * caught up keeps the instance ready, since every instance shares the read store and would go
 * out of service together; its {@code failing} details, the metric {@code registry.read.model.failing}
 * and its alert report it.
 */
@Component("readModels")
public class ReadModelsHealthIndicator extends AbstractReactiveHealthIndicator {

  private final ProjectionRebuilder projections;

  public ReadModelsHealthIndicator(ProjectionRebuilder projections) {
    super("read models unavailable");
    this.projections = projections;
  }

  @Override
  protected Mono<Health> doHealthCheck(Health.Builder builder) {
    return projections.statuses().map(statuses -> health(builder, statuses));
  }

  /** Up when every read model has caught up (or is rebuilding beside the live data), else down naming those that hold it. */
  static Health health(Health.Builder builder, List<ProjectionStatus> statuses) {
    boolean all = true;
    Map<String, Object> details = new LinkedHashMap<>();
    Map<String, String> heldBy = new LinkedHashMap<>();
    for (ProjectionStatus s : statuses) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("position", s.position());
      one.put("lag", s.lag());
      one.put("caughtUp", s.caughtUp());
      one.put("rebuilding", s.rebuilding());
      one.put("failing", s.failing());
      if (s.failing()) {
        one.put("failedAttempts", s.failedAttempts());
        one.put("failingSince", s.failingSince().toString());
        one.put("lastError", s.lastError());
      }
      details.put(s.name(), one);
      // A rebuild keeps serving the previous data: it does not take the instance out of service.
      boolean ready = s.caughtUp() || s.rebuilding();
      if (!ready) {
        heldBy.put(s.name(), s.failing()
            ? "failing since " + s.failingSince() + " (" + s.failedAttempts() + " attempts, retried with back-off): " + s.lastError()
            : "catching up with the ledger (" + (s.lag() == null ? "no position yet" : s.lag() + " events behind") + ")");
      }
      all &= ready;
    }
    if (!heldBy.isEmpty()) {
      details.put("heldBy", heldBy);
    }
    return (all ? builder.up() : builder.down()).withDetails(details).build();
  }
}

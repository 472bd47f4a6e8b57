package gov.ice.registry.web.health;

import gov.ice.registry.projection.ProjectionRebuilder;
import gov.ice.registry.projection.ProjectionRebuilder.ProjectionStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code readModels} in the readiness group: down (503) until every read model has reached the
 * ledger's head as it stood when this instance started, so a load balancer sends no searches that
 * would answer partially; then up, with each read model's position and lag (events behind).
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
    return projections.statuses().map(statuses -> {
      boolean all = true;
      Map<String, Object> details = new LinkedHashMap<>();
      for (ProjectionStatus s : statuses) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("position", s.position());
        one.put("lag", s.lag());
        one.put("caughtUp", s.caughtUp());
        one.put("rebuilding", s.rebuilding());
        details.put(s.name(), one);
        // A rebuild keeps serving the previous data: it does not take the instance out of service.
        all &= s.caughtUp() || s.rebuilding();
      }
      return (all ? builder.up() : builder.down()).withDetails(details).build();
    });
  }
}

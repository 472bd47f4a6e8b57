package gov.ice.registry.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.projection.processing.ProjectionRebuilder.ProjectionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** Readiness names the read models that hold it, and why. */
class ReadModelsHealthIndicatorTest {

  static final Instant SINCE = Instant.parse("2026-12-07T10:00:00Z");

  static ProjectionStatus caughtUp(String name) {
    return new ProjectionStatus(name, true, 120L, 0L, true, false, null, false, null, null, null, null);
  }

  @Test
  void aFailingReadModelThatHasNotCaughtUpHoldsReadinessAndIsNamedWithItsError() {
    ProjectionStatus audit = new ProjectionStatus("audit", true, 40L, 80L, false, false, null, true, 7, SINCE,
        "MongoCommandException: Document with key 'a:0:1' already existed", SINCE.plusSeconds(300));
    ProjectionStatus reviews = new ProjectionStatus("reviews", true, 100L, 20L, false, false, null, false, null, null, null, null);

    Health health = ReadModelsHealthIndicator.health(Health.up(), List.of(caughtUp("repository"), reviews, audit));

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    @SuppressWarnings("unchecked")
    Map<String, String> heldBy = (Map<String, String>) health.getDetails().get("heldBy");
    assertThat(heldBy).containsOnlyKeys("reviews", "audit");
    assertThat(heldBy.get("audit")).contains("failing since 2026-12-07T10:00:00Z", "7 attempts", "already existed");
    assertThat(heldBy.get("reviews")).contains("catching up", "20 events behind");
    assertThat(details(health, "audit")).containsEntry("failing", true).containsEntry("failedAttempts", 7);
  }

  @Test
  void aReadModelFailingAfterItCaughtUpKeepsTheInstanceReadyAndShowsItsFailure() {
    ProjectionStatus audit = new ProjectionStatus("audit", true, 120L, 3L, true, false, null, true, 2, SINCE, "boom",
        SINCE.plusSeconds(3));

    Health health = ReadModelsHealthIndicator.health(Health.up(), List.of(caughtUp("repository"), audit));

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).doesNotContainKey("heldBy");
    assertThat(details(health, "audit")).containsEntry("failing", true).containsEntry("lastError", "boom");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(Health health, String readModel) {
    return (Map<String, Object>) health.getDetails().get(readModel);
  }
}

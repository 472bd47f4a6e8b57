package gov.ice.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The alert on a concurrence open too long, unit-tested by promtool apart from the other rules'
 * tests (cycle-time-alerts.test.yml): past 20 business days for an hour it raises a ticket naming
 * the office; an office at the bound, one that answered, and other stages do not.
 */
class CycleTimeAlertsTest {

  @Test
  void aConcurrenceOpenMoreThanTwentyBusinessDaysForAnHourRaisesATicket() throws Exception {
    Path prometheus = DeployFilesTest.DEPLOY.resolve("prometheus");
    assertThat(Promtool.run(prometheus, null, "test", "rules", "cycle-time-alerts.test.yml")).contains("SUCCESS");
  }
}

package gov.ice.registry.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The alert on a read model that keeps failing, unit-tested by promtool apart from the other rules'
 * tests (read-model-alerts.test.yml): it pages after ten minutes of failing, and stays quiet for a
 * read model that failed a few minutes and recovered by itself.
 */
class ReadModelAlertsTest {

  @Test
  void aReadModelFailingTenMinutesPagesAndOneThatRecoversDoesNot() throws Exception {
    Path prometheus = DeployFilesTest.DEPLOY.resolve("prometheus");
    assertThat(Promtool.run(prometheus, null, "test", "rules", "read-model-alerts.test.yml")).contains("SUCCESS");
  }
}

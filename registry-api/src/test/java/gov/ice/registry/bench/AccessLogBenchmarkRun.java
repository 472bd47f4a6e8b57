package gov.ice.registry.bench;

import org.junit.jupiter.api.Test;

/**
 * Runs {@link AccessLogBenchmark} through surefire with the test classpath; no suite picks it up
 * (its name is neither *Test nor *IT). It prints figures and asserts nothing.
 */
class AccessLogBenchmarkRun {

  @Test
  void run() throws Exception {
    AccessLogBenchmark.main(new String[0]);
  }
}

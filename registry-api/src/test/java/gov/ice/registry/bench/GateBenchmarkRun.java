package gov.ice.registry.bench;

import org.junit.jupiter.api.Test;

/**
 * Runs {@link GateBenchmark} through surefire with the test classpath; no suite picks it up (its
 * name is neither *Test nor *IT). It prints figures and asserts nothing.
 */
class GateBenchmarkRun {

  @Test
  void run() throws Exception {
    GateBenchmark.main(new String[0]);
  }
}

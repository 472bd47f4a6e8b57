package gov.ice.registry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ISAA registry. In the root package so that component scanning covers every module. */
@SpringBootApplication
public class RegistryApplication {

  public static void main(String[] args) {
    disableAxonUpdateChecker();
    SpringApplication.run(RegistryApplication.class, args);
  }

  /**
   * Axon Framework phones home unless told not to, and only reads the switch from the
   * environment or a system property, before any Spring configuration exists. A registry of
   * record makes no calls it was not asked to make.
   */
  public static void disableAxonUpdateChecker() {
    System.setProperty("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
    System.setProperty("axoniq.update-checker.disabled", "true");
  }
}

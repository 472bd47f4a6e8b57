package gov.ice.registry.support;

import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.StakeholderOffice;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The users of {@code deploy/users.example.yml}, which the tests use as they are: what the
 * quick start documents is what the tests prove works.
 */
public final class TestUsers {

  public static final String PROGRAM_OFFICE = "pat";
  public static final String IGP = "ivy";
  public static final String DIRECTOR = "dora";
  public static final String AUDITOR = "audrey";
  /** The one user whose password is stored as a bcrypt hash. */
  public static final String ADMIN = "adam";
  public static final String OPLA = "olivia-opla";
  /** A system that asks the sharing gate. */
  public static final String GATE_CLIENT = "leis-gateway";

  private TestUsers() {}

  public static Path usersFile() {
    for (Path candidate : new Path[] {Path.of("../deploy/users.example.yml"), Path.of("deploy/users.example.yml")}) {
      if (Files.exists(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("deploy/users.example.yml not found from " + Path.of("").toAbsolutePath());
  }

  public static String passwordOf(String username) {
    return ADMIN.equals(username) ? "admin-secret" : "registry";
  }

  public static String stakeholder(StakeholderOffice office) {
    return switch (office) {
      case IGP -> "sam-igp";
      case OPP -> "sam-opp";
      case IGP_RECORDS -> "sam-records";
      case IGP_PRIVACY -> "sam-privacy";
      case OPR -> "sam-opr";
      case OPR_SD_SMOU -> "sam-smou";
      case HSI_INTEL -> "sam-intel";
      case HSI_LEISI -> "sam-leisi";
      case HSI_IO -> "sam-io";
      case OPLA -> OPLA;
      case ODCR -> "sam-odcr";
      case OCIO -> "sam-ocio";
    };
  }

  public static String signatory(SignatoryAuthority authority) {
    return "sig-" + authority.name().toLowerCase().replace('_', '-');
  }
}

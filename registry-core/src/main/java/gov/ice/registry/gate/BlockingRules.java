package gov.ice.registry.gate;

import gov.ice.registry.gate.GateDecision.Reason;
import java.util.Optional;

/**
 * DOMAIN.md's blocking rules as the gate applies them to one disclosure: they come before
 * anything else. B1 and B2 yield only to an agreement that covers that information and cites
 * the statutory exception; B3 yields to nothing (classified information is never shared on the
 * word of this unclassified registry).
 */
final class BlockingRules {

  private BlockingRules() {}

  /** B1: 8 U.S.C. § 1367 information (VAWA, T visa, U visa). */
  static final class B1 implements GateRule {
    @Override
    public String id() {
      return "B1";
    }

    @Override
    public Optional<Reason> check(Candidate c) {
      var data = c.profile().dataProfile();
      return c.request().section1367() && !(data.section1367() && data.hasExceptionCitation())
          ? Optional.of(new Reason(id(), c.agreementId(), "8 U.S.C. § 1367 information may not be shared: the agreement does not "
              + "cover it with a cited statutory exception"))
          : Optional.empty();
    }
  }

  /** B2: asylum, refugee, TPS and the other protected applications (8 C.F.R. § 208.6, INA § 222(f), ...). */
  static final class B2 implements GateRule {
    @Override
    public String id() {
      return "B2";
    }

    @Override
    public Optional<Reason> check(Candidate c) {
      var data = c.profile().dataProfile();
      return c.request().protectedApplications() && !(data.protectedApplications() && data.hasExceptionCitation())
          ? Optional.of(new Reason(id(), c.agreementId(), "information from protected applications (8 C.F.R. § 208.6, TPS, "
              + "INA § 222(f), ...) may not be shared: the agreement does not cover it with a cited exception"))
          : Optional.empty();
    }
  }

  /** B3: SECRET and TOP SECRET information. */
  static final class B3 implements GateRule {
    @Override
    public String id() {
      return "B3";
    }

    @Override
    public Optional<Reason> check(Candidate c) {
      return c.request().marking().isClassified() ? Optional.of(b3(c.agreementId())) : Optional.empty();
    }

    static Reason b3(String agreementId) {
      return new Reason("B3", agreementId, "classified information is shared under agreements kept on HSDN or C-LAN, never on "
          + "this unclassified registry's word");
    }
  }
}

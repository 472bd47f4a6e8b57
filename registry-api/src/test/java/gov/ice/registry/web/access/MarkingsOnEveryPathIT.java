package gov.ice.registry.web.access;

import gov.ice.registry.H2Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@link MarkingsWalk} on the embedded default (H2): every path, every example reader, no leak, every read logged. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarkingsOnEveryPathIT extends H2Registry {

  private MarkingsWalk walk;

  @BeforeAll
  void importMarkedAgreements() {
    walk = new MarkingsWalk(this::registry, port);
    walk.importOneActiveAgreementPerControl();
  }

  @Test
  void noPathShowsAMarkedAgreementToAUserItsMarkingsExcludeAndEveryReadIsLogged() throws Exception {
    walk.noPathShowsAMarkedAgreementToAUserItsMarkingsExcludeAndEveryReadIsLogged();
  }
}

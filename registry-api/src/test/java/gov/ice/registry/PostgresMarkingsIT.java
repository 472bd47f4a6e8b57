package gov.ice.registry;

import gov.ice.registry.web.access.MarkingsWalk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The markings' key scenario with the ledger and the chained access log on PostgreSQL: every read
 * path as every example reader, no marked agreement shown to whom its markings exclude, every read
 * in the access log, and the log's chain verified.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresMarkingsIT extends PostgresRegistry {

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

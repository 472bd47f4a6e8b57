package gov.ice.registry;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Documents on PostgreSQL. */
class PostgresDocumentsIT extends PostgresRegistry implements DocumentScenarios {

  @Autowired
  DataSource ledger;

  @Autowired
  gov.ice.registry.document.DocumentStore store;

  @Override
  public gov.ice.registry.document.DocumentStore documentStore() {
    return store;
  }

  @Override
  public int storedCopies(String sha256) {
    return new JdbcTemplate(ledger).queryForObject("SELECT COUNT(*) FROM document_content WHERE sha256 = ?", Integer.class, sha256);
  }
}

package gov.ice.registry.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2UrlsTest {

  @Test
  void appendsWriteDelayZeroToAUrlWithoutIt() {
    assertThat(H2Urls.withoutWriteDelay("jdbc:h2:file:/var/lib/registry/ledger"))
        .isEqualTo("jdbc:h2:file:/var/lib/registry/ledger;WRITE_DELAY=0");
  }

  @Test
  void replacesAnOperatorsWriteDelayWhateverItsCase() {
    assertThat(H2Urls.withoutWriteDelay("jdbc:h2:file:./data/ledger;write_delay=500;MODE=MySQL"))
        .isEqualTo("jdbc:h2:file:./data/ledger;MODE=MySQL;WRITE_DELAY=0");
  }

  @Test
  void givesTheEmbeddedDefaultAnH2FileInTheDataDirectoryWithoutWriteDelay() {
    LedgerProperties embedded = new LedgerProperties("", null, null, null, null);
    assertThat(embedded.jdbcUrl(Path.of("/srv/registry"))).isEqualTo("jdbc:h2:file:/srv/registry/ledger;WRITE_DELAY=0");
    LedgerProperties userH2 = new LedgerProperties("jdbc:h2:file:/tmp/l;WRITE_DELAY=300", null, null, null, null);
    assertThat(userH2.jdbcUrl(Path.of("/ignored"))).isEqualTo("jdbc:h2:file:/tmp/l;WRITE_DELAY=0");
  }

  @Test
  void leavesAPostgresUrlAlone() {
    LedgerProperties postgres = new LedgerProperties("jdbc:postgresql://db:5432/registry", "u", "p", null, null);
    assertThat(postgres.jdbcUrl(Path.of("/ignored"))).isEqualTo("jdbc:postgresql://db:5432/registry");
    assertThat(LedgerDialect.of(postgres.url())).isEqualTo(LedgerDialect.POSTGRESQL);
  }
}

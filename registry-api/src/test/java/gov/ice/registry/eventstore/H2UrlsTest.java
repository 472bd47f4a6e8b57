package gov.ice.registry.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2UrlsTest {

  private static final String SETTINGS = ";WRITE_DELAY=0;RETENTION_TIME=0;MAX_LENGTH_INPLACE_LOB=65536;MAX_COMPACT_TIME=2000;DB_CLOSE_ON_EXIT=FALSE";

  @Test
  void appendsTheLedgerSettingsToAUrlWithoutThem() {
    assertThat(H2Urls.forLedger("jdbc:h2:file:/var/lib/registry/ledger")).isEqualTo("jdbc:h2:file:/var/lib/registry/ledger" + SETTINGS);
  }

  @Test
  void replacesAnOperatorsWriteDelayAndRetentionWhateverTheirCase() {
    assertThat(H2Urls.forLedger("jdbc:h2:file:./data/ledger;write_delay=500;MODE=MySQL; Retention_Time = 45000"))
        .isEqualTo("jdbc:h2:file:./data/ledger;MODE=MySQL" + SETTINGS);
  }

  @Test
  void givesTheEmbeddedDefaultAnH2FileInTheDataDirectoryWithTheLedgerSettings() {
    LedgerProperties embedded = new LedgerProperties("", null, null, null, null);
    assertThat(embedded.jdbcUrl(Path.of("/srv/registry"))).isEqualTo("jdbc:h2:file:/srv/registry/ledger" + SETTINGS);
    LedgerProperties userH2 = new LedgerProperties("jdbc:h2:file:/tmp/l;WRITE_DELAY=300", null, null, null, null);
    assertThat(userH2.jdbcUrl(Path.of("/ignored"))).isEqualTo("jdbc:h2:file:/tmp/l" + SETTINGS);
  }

  @Test
  void leavesAPostgresUrlAlone() {
    LedgerProperties postgres = new LedgerProperties("jdbc:postgresql://db:5432/registry", "u", "p", null, null);
    assertThat(postgres.jdbcUrl(Path.of("/ignored"))).isEqualTo("jdbc:postgresql://db:5432/registry");
    assertThat(LedgerDialect.of(postgres.url())).isEqualTo(LedgerDialect.POSTGRESQL);
  }
}

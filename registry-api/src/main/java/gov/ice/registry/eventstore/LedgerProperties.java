package gov.ice.registry.eventstore;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ledger lives. With no {@code url} the registry runs on an H2 file database in
 * {@code dataDir}; with a {@code jdbc:postgresql:} url (REGISTRY_DATABASE_URL) on PostgreSQL.
 */
@ConfigurationProperties(prefix = "registry.ledger")
public record LedgerProperties(
    String url,
    String username,
    String password,
    Duration connectionTimeout,
    Integer maximumPoolSize) {

  public LedgerProperties {
    connectionTimeout = connectionTimeout == null ? Duration.ofMillis(2500) : connectionTimeout;
    maximumPoolSize = maximumPoolSize == null ? 10 : maximumPoolSize;
  }

  boolean embedded() {
    return url == null || url.isBlank();
  }

  /** The JDBC url to connect to: the configured one, or the H2 file in {@code dataDir}. */
  String jdbcUrl(Path dataDir) {
    String raw = embedded() ? "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("ledger") : url.trim();
    return LedgerDialect.of(raw) == LedgerDialect.H2 ? H2Urls.forLedger(raw) : raw;
  }
}

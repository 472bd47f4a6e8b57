package gov.ice.registry.projection.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the read models live. {@code uri} comes from {@code REGISTRY_MONGODB_URI}; when it is blank
 * the registry starts its embedded default, an in-process mongo-java-server on a loopback port.
 *
 * @param uri a MongoDB connection string (a replica set in production), or blank for the embedded store
 * @param database the database holding every read model and the projections' tracking tokens
 * @param inMemory for the embedded store only: keep it in memory instead of a file in the data
 *     directory (tests; every start then replays the ledger)
 */
@ConfigurationProperties("registry.mongodb")
public record ReadStoreProperties(String uri, String database, boolean inMemory) {

  public ReadStoreProperties {
    uri = uri == null ? "" : uri.trim();
    database = database == null || database.isBlank() ? "registry" : database;
  }

  public boolean embedded() {
    return uri.isEmpty();
  }
}

package gov.ice.registry.projection.batch;

/**
 * A document derived from an agreement's events carries {@code version}, the number of its events
 * it reflects; {@link ReadModelBatch} writes it only over an older one, so redelivered and
 * replayed events never move a document backwards.
 */
public final class VersionedWrite {

  public static final String VERSION = "version";

  private VersionedWrite() {}
}

package gov.ice.registry.projection.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the read models are processed ({@code registry.read-models.*}).
 *
 * @param segments segments of each read model's pooled processor: several instances split them
 *     through claims in the token store (changing it later needs a rebuild)
 * @param batchSize events per batch: one bulk write per read model and one token write per batch
 */
@ConfigurationProperties("registry.read-models")
public record ReadModelProperties(Integer segments, Integer batchSize) {

  public static final ReadModelProperties DEFAULTS = new ReadModelProperties(null, null);

  public ReadModelProperties {
    segments = segments == null ? 1 : segments;
    batchSize = batchSize == null ? 250 : batchSize;
    if (segments < 1 || batchSize < 1) {
      throw new IllegalArgumentException("registry.read-models.segments and batch-size are at least 1");
    }
  }
}

package gov.ice.registry.support;

import gov.ice.registry.projection.processing.TrackingProjections;
import java.util.ArrayList;
import java.util.List;

/** Every read model the admin status lists, by name: the tracking projections and the search index. */
public final class ReadModels {

  public static final List<String> ALL = all();

  private ReadModels() {}

  private static List<String> all() {
    List<String> names = new ArrayList<>(TrackingProjections.GROUPS);
    names.add("search");
    return List.copyOf(names);
  }
}

package gov.ice.registry.web.pages;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;

/**
 * The banner of a page or file showing several agreements: the highest of theirs, by marking
 * (UNCLASSIFIED, then FOR OFFICIAL USE ONLY, LAW ENFORCEMENT SENSITIVE, CUI), then the longest,
 * which names the most categories and controls; so it is never lower than its most restricted row.
 */
final class HandlingBanners {

  static final String NONE = "UNCLASSIFIED";

  private HandlingBanners() {}

  static String highest(Collection<String> banners) {
    return banners.stream().filter(Objects::nonNull)
        .max(Comparator.comparingInt(HandlingBanners::rank).thenComparingInt(String::length).thenComparing(Comparator.naturalOrder()))
        .orElse(NONE);
  }

  private static int rank(String banner) {
    if (banner.startsWith("CUI")) {
      return 3;
    }
    if (banner.startsWith("LAW ENFORCEMENT SENSITIVE")) {
      return 2;
    }
    return banner.startsWith("FOR OFFICIAL USE ONLY") ? 1 : 0;
  }
}

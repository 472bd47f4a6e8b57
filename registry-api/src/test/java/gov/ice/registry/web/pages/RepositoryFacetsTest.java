package gov.ice.registry.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The repository page shows a filter for every facet the search counts, whatever its name. */
class RepositoryFacetsTest {

  @Test
  void everyCountedFacetBecomesAFilterKnownOnesFirstPiiAsAChoiceOfOne() {
    Map<String, Map<String, Long>> counted = new LinkedHashMap<>();
    counted.put("zeta", Map.of("a", 1L));
    counted.put("pii", Map.of("true", 3L, "false", 2L));
    counted.put("country", Map.of("US", 4L, "MX", 1L));
    counted.put("status", Map.of("DRAFT", 5L));
    counted.put("directorate", Map.of("HSI", 5L));

    var facets = RepositoryPage.facets(counted, Map.of("status", Set.of("ACTIVE"), "pii", Set.of("true")));

    assertThat(facets).extracting(RepositoryPage.Facet::key).containsExactly("status", "directorate", "country", "pii", "zeta");
    var status = facets.get(0);
    assertThat(status.values()).extracting(RepositoryPage.FacetValue::value).containsExactly("ACTIVE", "DRAFT");
    assertThat(status.values()).extracting(RepositoryPage.FacetValue::label).containsExactly("Active", "Draft");
    assertThat(facets.get(1).values()).extracting(RepositoryPage.FacetValue::label).containsExactly("Homeland Security Investigations (HSI)");
    assertThat(status.values().get(0).count()).isZero();
    assertThat(status.values().get(0).checked()).isTrue();
    var country = facets.get(2);
    assertThat(country.legend()).isEqualTo("Party country");
    assertThat(country.values()).extracting(RepositoryPage.FacetValue::value).containsExactly("MX", "US");
    var pii = facets.get(3);
    assertThat(pii.single()).isTrue();
    assertThat(pii.none()).isFalse();
    assertThat(pii.values()).extracting(RepositoryPage.FacetValue::label).containsExactly("Without PII", "With PII");
    assertThat(pii.values()).extracting(RepositoryPage.FacetValue::checked).containsExactly(false, true);
    assertThat(facets.get(4).legend()).isEqualTo("zeta");
  }

  @Test
  void noFacetsNoFilters() {
    assertThat(RepositoryPage.facets(null, Map.of())).isEmpty();
    assertThat(new RepositoryPage.FacetValue("a b/c", "a b/c", 1, false).id("country")).isEqualTo("country-a_b_c");
  }
}

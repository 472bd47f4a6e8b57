package gov.ice.registry.projection.repository;

import java.util.List;
import java.util.Map;

/**
 * One page of a search, the number of matches, and the facet counts of all matches (not only
 * this page): by {@code status}, {@code kind}, {@code category} and {@code partyKind}.
 */
public record AgreementPage(
    List<AgreementDocument> items, long total, int page, int size, Map<String, Map<String, Long>> facets) {}

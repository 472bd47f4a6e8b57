/**
 * The central repository read model and its Lucene search: one document per agreement, facets,
 * paging and access filtering inside the search.
 */
package gov.ice.registry.projection.repository;

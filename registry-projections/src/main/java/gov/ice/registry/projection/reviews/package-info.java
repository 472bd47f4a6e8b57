/**
 * The biennial-review read model: which agreements are due or overdue for review.
 */
package gov.ice.registry.projection.reviews;

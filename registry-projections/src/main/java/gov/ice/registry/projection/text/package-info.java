/**
 * The text of attached documents, extracted for the search.
 */
package gov.ice.registry.projection.text;

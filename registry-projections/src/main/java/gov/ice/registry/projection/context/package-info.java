/**
 * What a read model keeps of an agreement beyond the event it handles, and the fold from the ledger
 * it falls back on when that is missing.
 */
package gov.ice.registry.projection.context;

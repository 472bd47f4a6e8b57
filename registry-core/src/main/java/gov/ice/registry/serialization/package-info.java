/**
 * How the ledger writes the domain's messages as JSON, shared with the HTTP edge so both read the
 * same.
 */
package gov.ice.registry.serialization;

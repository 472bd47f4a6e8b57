/**
 * Chained logs beside the ledger (the sharing decisions, the access log), each verifiable as the
 * ledger is.
 */
package gov.ice.registry.integrity.log;

/**
 * How the read models are processed: one tracking processor per read model, their settings,
 * failures, positions against the ledger and rebuilds.
 */
package gov.ice.registry.projection.processing;

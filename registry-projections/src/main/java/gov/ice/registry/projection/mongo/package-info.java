/**
 * The read store: the reactive MongoDB client, or the in-process mongo-java-server that persists
 * beside the ledger.
 */
package gov.ice.registry.projection.mongo;

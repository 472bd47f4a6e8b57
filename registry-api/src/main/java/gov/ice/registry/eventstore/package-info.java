/**
 * The ledger: Axon's JDBC event store on H2 or PostgreSQL, its schema, metadata and hosting of the
 * aggregate.
 */
package gov.ice.registry.eventstore;

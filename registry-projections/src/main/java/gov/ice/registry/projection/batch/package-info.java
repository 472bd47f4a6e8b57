/**
 * How a read model writes: the documents one batch of events changes, written once at the batch's
 * end with the version of the events they reflect, and the in-process indexes beside them.
 */
package gov.ice.registry.projection.batch;

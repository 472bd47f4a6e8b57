/**
 * Gauges of the registry's state, computed from the read models on a schedule so that a scrape
 * never waits on the read store.
 */
package gov.ice.registry.projection.metrics;

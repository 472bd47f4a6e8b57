/**
 * The cycle-time read model: stage durations per agreement, the report over them and their metrics.
 */
package gov.ice.registry.projection.cycle;

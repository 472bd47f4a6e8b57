/**
 * Cycle time as a pure fold: the stages an agreement's events mark and how long each took.
 */
package gov.ice.registry.cycle;

/**
 * The exigent-deadline read model: each exigent sharing's memorialization deadline and its state.
 */
package gov.ice.registry.projection.exigent;

/**
 * The sharing gate's rules: whether an agreement in force covers a requested sharing, as a pure
 * decision with its rule ids.
 */
package gov.ice.registry.gate;

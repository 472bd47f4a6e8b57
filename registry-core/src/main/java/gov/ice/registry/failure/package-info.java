/**
 * Helpers for reading a failure's chain of causes.
 */
package gov.ice.registry.failure;

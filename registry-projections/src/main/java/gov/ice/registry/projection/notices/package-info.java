/**
 * The notices read model: every notice issued, for the program offices and the webhooks.
 */
package gov.ice.registry.projection.notices;

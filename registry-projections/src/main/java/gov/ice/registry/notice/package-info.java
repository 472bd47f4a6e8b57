/**
 * Automations named for their policies (review due, exigent deadline missed, termination date
 * passed, a step waiting too long) and the webhooks that carry notices out.
 */
package gov.ice.registry.notice;

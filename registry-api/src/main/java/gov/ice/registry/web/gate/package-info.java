/**
 * The sharing gate over HTTP: decisions, AuthZEN access evaluation, the decision log and its page.
 */
package gov.ice.registry.web.gate;

/**
 * The agreement's public contract: commands, events, queries, typed ids and refusal codes. It
 * depends on nothing but the JDK and the few Axon annotations messages need.
 */
package gov.ice.registry.agreement.api;

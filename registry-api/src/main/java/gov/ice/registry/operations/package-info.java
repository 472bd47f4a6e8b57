/**
 * Running the registry: request ids and log context, command metrics and retries, job locks,
 * Prometheus conventions and a clean stop.
 */
package gov.ice.registry.operations;

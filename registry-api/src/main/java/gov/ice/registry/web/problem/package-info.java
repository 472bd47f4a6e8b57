/**
 * Every refusal as RFC 9457 problem+json: the one mapping from errors to statuses, and the filters
 * that answer before a handler (body size, UTF-8, oversized headers).
 */
package gov.ice.registry.web.problem;

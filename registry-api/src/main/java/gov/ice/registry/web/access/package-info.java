/**
 * The access log of reads: who read which agreement, recorded on a chained log, and its endpoints.
 */
package gov.ice.registry.web.access;

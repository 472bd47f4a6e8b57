/**
 * The read side's HTTP queries: search, approvals, reviews, deadlines, notices and work, with
 * strict parsing of query values.
 */
package gov.ice.registry.web.query;

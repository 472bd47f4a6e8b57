/**
 * Reports over HTTP: cycle time, as JSON or CSV.
 */
package gov.ice.registry.web.report;

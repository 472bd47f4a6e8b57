/**
 * Administrators' endpoints: the notice job run now, and read models rebuilt.
 */
package gov.ice.registry.web.admin;

/**
 * Who the caller is: sign-in from the users file or JWT, roles, sign-in throttling and security
 * events.
 */
package gov.ice.registry.security;

/**
 * Health indicators beyond Spring Boot's own.
 */
package gov.ice.registry.web.health;

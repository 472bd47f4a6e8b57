/**
 * The registry application: the Spring Boot main class that assembles the ledger, the read side and
 * the HTTP edge.
 */
package gov.ice.registry;

/**
 * How the HTTP server runs the registry's work: blocking ledger work off the event loop, and reads
 * resumed on kept-alive connections.
 */
package gov.ice.registry.web.server;

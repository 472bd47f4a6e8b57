/**
 * Reads that follow the writer: each command's answer names the ledger position of its last
 * event ({@code X-Registry-Position}), and a query or page given that position waits, bounded,
 * until the read models it reads have handled it.
 */
package gov.ice.registry.web.position;

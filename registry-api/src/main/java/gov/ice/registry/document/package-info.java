/**
 * Documents attached to agreements: uploads streamed to disk, their types from content, and their
 * bytes stored in the ledger's database by SHA-256.
 */
package gov.ice.registry.document;

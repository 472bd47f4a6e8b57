/**
 * The ledger's integrity in pure code: the hash chain of events, the Merkle tree, signed
 * checkpoints and the evidence bundles that prove them.
 */
package gov.ice.registry.chain;

/**
 * The ledger's verification, proofs and checkpoints over HTTP.
 */
package gov.ice.registry.web.ledger;

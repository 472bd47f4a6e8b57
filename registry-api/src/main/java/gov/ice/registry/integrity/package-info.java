/**
 * The ledger's integrity at run time: verification, signed checkpoints, evidence export and the
 * erasure of personal data.
 */
package gov.ice.registry.integrity;

/**
 * The work queues: what awaits each office, signatory and program office, with the business days it
 * has waited.
 */
package gov.ice.registry.projection.work;

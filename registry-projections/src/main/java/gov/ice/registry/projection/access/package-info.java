/**
 * Who may read what on the read side: handling markings, a reader's employment and the policy that
 * filters documents.
 */
package gov.ice.registry.projection.access;

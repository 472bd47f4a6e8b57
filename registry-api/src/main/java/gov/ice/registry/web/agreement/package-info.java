/**
 * The agreement's HTTP commands and ledger reads: requests, the dispatch to Axon, the bulk import,
 * documents and the views of one agreement.
 */
package gov.ice.registry.web.agreement;

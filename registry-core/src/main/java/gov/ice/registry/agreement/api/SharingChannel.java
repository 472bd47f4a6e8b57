package gov.ice.registry.agreement.api;

/** How shared information reaches the partner: what the terms allow and what the sharing gate is asked about. */
public enum SharingChannel {
  /** The Law Enforcement Information Sharing Service. */
  LEIS_SERVICE,
  /** The partner's users are given access to an ICE system. */
  SYSTEM_ACCESS,
  BULK_TRANSFER,
  /** An analyst's extract. */
  EXTRACT,
  AD_HOC
}

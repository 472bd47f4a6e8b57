package gov.ice.registry.agreement.api;

/** Appendix B, exemption 10: who may determine an exigent threat, or approve a later memorialization. */
public enum ExigentAuthority {
  SECRETARY,
  DEPUTY_SECRETARY,
  ICE_DIRECTOR,
  DESIGNEE
}

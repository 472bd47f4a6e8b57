package gov.ice.registry.security;

/**
 * What the sign-in page offers: the password form (users file) and/or a link that starts the
 * OIDC authorization-code flow ({@code null} without a client registration).
 */
public record SignInOptions(boolean passwordForm, String oidcLink) {}

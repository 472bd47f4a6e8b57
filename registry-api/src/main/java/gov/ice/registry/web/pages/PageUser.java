package gov.ice.registry.web.pages;

import gov.ice.registry.agreement.api.SignatoryAuthority;
import gov.ice.registry.agreement.api.StakeholderOffice;
import gov.ice.registry.security.CurrentActor;
import gov.ice.registry.security.Roles;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.Authentication;

/** The signed-in user as the pages need it: who, and what the roles let them do. */
public record PageUser(String username, String displayName, List<String> roles) {

  static PageUser of(Authentication authentication) {
    var actor = CurrentActor.of(authentication);
    return new PageUser(actor.username(), actor.displayName(), actor.roles());
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  public boolean programOffice() {
    return has(Roles.PROGRAM_OFFICE);
  }

  public boolean igp() {
    return has(Roles.IGP);
  }

  public boolean auditor() {
    return has(Roles.AUDITOR);
  }

  public boolean director() {
    return has(Roles.DIRECTOR);
  }

  public boolean opla() {
    return has(Roles.STAKEHOLDER_ + StakeholderOffice.OPLA.name());
  }

  public boolean seesWorkLists() {
    return igp() || auditor();
  }

  public boolean seesHistory() {
    return igp() || auditor();
  }

  public List<StakeholderOffice> offices() {
    return Arrays.stream(StakeholderOffice.values()).filter(o -> has(Roles.STAKEHOLDER_ + o.name())).toList();
  }

  public List<SignatoryAuthority> authorities() {
    return Arrays.stream(SignatoryAuthority.values()).filter(a -> has(Roles.SIGNATORY_ + a.name())).toList();
  }

  public String rolesText() {
    return String.join(", ", roles);
  }
}

package gov.ice.registry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.ice.registry.projection.access.Employment;
import gov.ice.registry.projection.access.Reader;
import gov.ice.registry.support.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class UserAttributesTest {

  @Test
  void theExampleUsersFileGivesEveryUserEmploymentCitizenshipAndOffices() {
    Map<String, RegistryUser> users = new java.util.HashMap<>();
    UsersFile.read(TestUsers.usersFile()).forEach(u -> users.put(u.getUsername(), u));

    Reader pat = UserAttributes.readerOf(authenticated(users.get("pat")));
    Reader cody = UserAttributes.readerOf(authenticated(users.get("cody-contractor")));
    Reader gwen = UserAttributes.readerOf(authenticated(users.get("gwen-liaison")));

    assertThat(pat).isEqualTo(new Reader("pat", List.of("PROGRAM_OFFICE"), Employment.FEDERAL, "USA", List.of("HSI"), null));
    assertThat(cody.employment()).isEqualTo(Employment.CONTRACTOR);
    assertThat(gwen.citizenship()).isEqualTo("GBR");
    assertThat(users.values()).allSatisfy(u -> assertThat(u.employment()).as(u.getUsername()).isNotNull());
  }

  @Test
  void anEmploymentOtherThanFederalOrContractorStopsTheUsersFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.yml");
    Files.writeString(file, "users:\n  - username: x\n    password: \"{noop}x\"\n    roles: [IGP]\n    employment: intern\n");

    assertThatThrownBy(() -> UsersFile.read(file)).hasMessageContaining("FEDERAL or CONTRACTOR");
  }

  @Test
  void aTokensClaimsGiveTheAttributesAndTheClient() {
    Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("u-1").claim("preferred_username", "kim")
        .claim("employment", "contractor").claim("citizenship", "can").claim("offices", "HSI ERO").claim("azp", "portal")
        .issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(60)).build();

    Reader kim = UserAttributes.readerOf(new JwtAuthenticationToken(jwt, JwtRoles.authorities(jwt.getClaims(), "roles"), "kim"));

    assertThat(kim).isEqualTo(new Reader("kim", List.of(), Employment.CONTRACTOR, "CAN", List.of("HSI", "ERO"), "portal"));
  }

  @Test
  void aTokenWithoutTheClaimsHasNoAttributes() {
    Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("u-2").claim("employment", "astronaut")
        .issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(60)).build();

    Reader reader = UserAttributes.readerOf(new JwtAuthenticationToken(jwt, List.of(), "u-2"));

    assertThat(reader.employment()).isNull();
    assertThat(reader.citizenship()).isNull();
    assertThat(reader.offices()).isEmpty();
  }

  private static UsernamePasswordAuthenticationToken authenticated(RegistryUser user) {
    return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
  }
}

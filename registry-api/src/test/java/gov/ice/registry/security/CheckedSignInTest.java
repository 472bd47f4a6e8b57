package gov.ice.registry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * No account oracle: a username that is not in the users file costs the same password check as
 * one that is, the real encoder on a stored password of the same bcrypt cost. Measured in calls
 * and costs, not in time (time on a shared machine proves nothing either way).
 */
class CheckedSignInTest {

  /** Called outside a request: the address is then "unknown", the same for every attempt here. */
  private static final org.springframework.web.server.ServerWebExchange NO_REQUEST = null;

  @TempDir
  Path dir;

  /** The application's encoder, recording every stored password it is asked to check against. */
  static final class CountingEncoder implements PasswordEncoder {

    final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    final List<String> checkedAgainst = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String encode(CharSequence raw) {
      return real.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String stored) {
      checkedAgainst.add(stored);
      return real.matches(raw, stored);
    }
  }

  private CheckedSignIn signIn(Path users, CountingEncoder encoder) {
    UsersFileUsers file = new UsersFileUsers(users);
    SecurityProperties.SignIn limits = new SecurityProperties.SignIn(1000, 1000, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ZERO,
        Duration.ofSeconds(1));
    SecurityEvents events = new SecurityEvents(new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));
    return new CheckedSignIn(file, encoder, limits, Clock.systemUTC(), events, file::unknownUserPassword);
  }

  private Path usersFile(String... bcryptHashes) throws Exception {
    StringBuilder yaml = new StringBuilder("users:\n  - username: pat\n    password: \"{noop}registry\"\n    roles: [PROGRAM_OFFICE]\n");
    for (int i = 0; i < bcryptHashes.length; i++) {
      yaml.append("  - username: b").append(i).append("\n    password: \"{bcrypt}").append(bcryptHashes[i]).append("\"\n    roles: [ADMIN]\n");
    }
    Path file = dir.resolve("users-" + bcryptHashes.length + ".yml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void checksTheEncoderForAnUnknownUserAgainstABcryptHashOfTheFilesCost() throws Exception {
    CountingEncoder encoder = new CountingEncoder();
    String known = new BCryptPasswordEncoder(5).encode("admin-secret");
    CheckedSignIn checked = signIn(usersFile(known, new BCryptPasswordEncoder(5).encode("x"), new BCryptPasswordEncoder(4).encode("y")), encoder);

    assertThatThrownBy(() -> checked.signIn("b0", "a-wrong-guess", NO_REQUEST).block()).isInstanceOf(BadCredentialsException.class);
    assertThat(encoder.checkedAgainst).hasSize(1);
    assertThat(encoder.checkedAgainst.get(0)).startsWith("{bcrypt}$2a$05$");

    assertThatThrownBy(() -> checked.signIn("nobody-by-this-name", "a-wrong-guess", NO_REQUEST).block())
        .isInstanceOf(BadCredentialsException.class)
        .hasMessage(CheckedSignIn.INVALID);
    assertThat(encoder.checkedAgainst).as("the unknown user's check").hasSize(2);
    assertThat(encoder.checkedAgainst.get(1)).as("a bcrypt hash of the cost most of the file's hashes use")
        .startsWith("{bcrypt}$2a$05$").isNotEqualTo(known);

    assertThatThrownBy(() -> checked.signIn("nobody-else", "another-guess", NO_REQUEST).block()).isInstanceOf(BadCredentialsException.class);
    assertThat(encoder.checkedAgainst).hasSize(3);
    assertThat(checked.signIn("b0", "admin-secret", NO_REQUEST).block()).isNotNull();
  }

  @Test
  void anUnknownUserOfAFileWithoutBcryptCostsANoopCheckLikeItsUsers() throws Exception {
    CountingEncoder encoder = new CountingEncoder();
    CheckedSignIn checked = signIn(usersFile(), encoder);
    assertThatThrownBy(() -> checked.signIn("nobody", "guess", NO_REQUEST).block()).isInstanceOf(BadCredentialsException.class);
    assertThat(encoder.checkedAgainst).hasSize(1);
    assertThat(encoder.checkedAgainst.get(0)).startsWith("{noop}");
    assertThat(checked.signIn("pat", "registry", NO_REQUEST).block()).isNotNull();
  }
}

package gov.ice.registry.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import reactor.core.publisher.Mono;

/**
 * The users file, read again whenever its modification time or size changes: an operator who
 * changes a password or removes a user does not restart the registry, and the old password
 * stops working with the next request. A file that cannot be read (half written) keeps the
 * previous users until it can.
 */
final class UsersFileUsers implements ReactiveUserDetailsService {

  private static final Logger log = LoggerFactory.getLogger(UsersFileUsers.class);

  private record Snapshot(Object fileKey, long modified, long size, Map<String, RegistryUser> byName, Supplier<String> unknownUserPassword) {}

  /** {@code {bcrypt}$2a$10$} and 53 characters of salt and hash: the cost is the two digits. */
  private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$(\\d{2})\\$.{53}");

  private final Path file;
  private volatile Snapshot snapshot;

  UsersFileUsers(Path file) {
    this.file = file;
    this.snapshot = load(attributes());
  }

  @Override
  public Mono<UserDetails> findByUsername(String username) {
    // A fresh copy per lookup: the authentication manager may erase a user's credentials.
    return Mono.justOrEmpty(current().byName().get(username))
        .map(u -> new RegistryUser(u.getUsername(), u.getPassword(), u.displayName(), u.getAuthorities(), u.employment(),
            u.citizenship(), u.offices()));
  }

  /**
   * A stored password no one knows, checked when a username is not in the file so that a refusal
   * costs the same either way (no account oracle): a bcrypt hash of the cost most of the file's
   * bcrypt passwords use, or a {@code {noop}} one when the file holds no bcrypt password. Made
   * when first asked for (a bcrypt hash takes time; never on the event loop), once per version
   * of the file.
   */
  String unknownUserPassword() {
    return current().unknownUserPassword().get();
  }

  static String unknownUserPassword(Collection<RegistryUser> users) {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String secret = Base64.getEncoder().encodeToString(bytes);
    Optional<Integer> cost = users.stream()
        .map(user -> BCRYPT.matcher(user.getPassword()))
        .filter(Matcher::matches)
        .map(bcrypt -> Integer.valueOf(bcrypt.group(1)))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
        .entrySet().stream()
        .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey);
    return cost.map(c -> "{bcrypt}" + new BCryptPasswordEncoder(c).encode(secret)).orElse("{noop}" + secret);
  }

  private Snapshot current() {
    Snapshot seen = snapshot;
    BasicFileAttributes now;
    try {
      now = attributes();
    } catch (IllegalStateException e) {
      log.warn("Keeping the users read before: {}", e.getMessage());
      return seen;
    }
    if (Objects.equals(now.fileKey(), seen.fileKey()) && now.lastModifiedTime().toMillis() == seen.modified() && now.size() == seen.size()) {
      return seen;
    }
    synchronized (this) {
      try {
        snapshot = load(now);
        log.info("Users file {} changed: {} users", file, snapshot.byName().size());
      } catch (IllegalStateException e) {
        log.warn("Keeping the users read before: {}", e.getMessage());
      }
      return snapshot;
    }
  }

  private Snapshot load(BasicFileAttributes attributes) {
    Map<String, RegistryUser> byName = UsersFile.read(file).stream()
        .collect(Collectors.toMap(RegistryUser::getUsername, Function.identity(), (a, b) -> {
          throw new IllegalStateException("The users file " + file + " names " + a.getUsername() + " twice");
        }));
    Supplier<String> unknownUserPassword = memoized(() -> unknownUserPassword(byName.values()));
    return new Snapshot(attributes.fileKey(), attributes.lastModifiedTime().toMillis(), attributes.size(), byName, unknownUserPassword);
  }

  private static Supplier<String> memoized(Supplier<String> make) {
    AtomicReference<String> made = new AtomicReference<>();
    return () -> made.updateAndGet(value -> value == null ? make.get() : value);
  }

  private BasicFileAttributes attributes() {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the users file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}

package gov.ice.registry.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import reactor.core.publisher.Mono;

/**
 * The users file, read again whenever its modification time or size changes: an operator who
 * changes a password or removes a user does not restart the registry, and the old password
 * stops working with the next request. A file that cannot be read (half written) keeps the
 * previous users until it can.
 */
final class UsersFileUsers implements ReactiveUserDetailsService {

  private static final Logger log = LoggerFactory.getLogger(UsersFileUsers.class);

  private record Snapshot(Object fileKey, long modified, long size, Map<String, RegistryUser> byName) {}

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
        .map(u -> new RegistryUser(u.getUsername(), u.getPassword(), u.displayName(), u.getAuthorities()));
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
    return new Snapshot(attributes.fileKey(), attributes.lastModifiedTime().toMillis(), attributes.size(), byName);
  }

  private BasicFileAttributes attributes() {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the users file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}

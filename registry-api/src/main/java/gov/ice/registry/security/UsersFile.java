package gov.ice.registry.security;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import gov.ice.registry.projection.access.Employment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The embedded default's users: a YAML file (API.md, "Users and roles") of usernames,
 * {@code {noop}} or {@code {bcrypt}} passwords, display names, registry roles, and the
 * attributes the handling markings ask about: {@code employment} (FEDERAL or CONTRACTOR),
 * {@code citizenship} (ISO 3166 alpha-3) and {@code offices}.
 */
final class UsersFile {

  private UsersFile() {}

  static List<RegistryUser> read(Path file) {
    Object root;
    try (Reader reader = Files.newBufferedReader(file)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the users file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> map) || !(map.get("users") instanceof List<?> entries)) {
      throw new IllegalStateException("The users file " + file + " has no 'users:' list");
    }
    List<RegistryUser> users = new ArrayList<>();
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> user)) {
        throw new IllegalStateException("The users file " + file + " has an entry that is not a user: " + entry);
      }
      String username = required(user, "username", file);
      String password = required(user, "password", file);
      Object displayName = user.get("displayName");
      List<SimpleGrantedAuthority> authorities = new ArrayList<>();
      if (user.get("roles") instanceof List<?> roles) {
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(Roles.PREFIX + role.toString().trim())));
      }
      users.add(new RegistryUser(username, password, displayName == null ? null : displayName.toString(), authorities,
          employment(user.get("employment"), username, file), text(user.get("citizenship")), texts(user.get("offices"))));
    }
    return users;
  }

  private static Employment employment(Object value, String username, Path file) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return Employment.valueOf(text.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("User " + username + " in " + file + " has employment '" + text + "'; it is FEDERAL or CONTRACTOR");
    }
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static List<String> texts(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(UsersFile::text).filter(java.util.Objects::nonNull).toList();
    }
    String one = text(value);
    return one == null ? List.of() : List.of(one);
  }

  private static String required(Map<?, ?> user, String key, Path file) {
    Object value = user.get(key);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalStateException("A user in " + file + " has no " + key);
    }
    return value.toString();
  }
}

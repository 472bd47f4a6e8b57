package gov.ice.registry.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Successful password checks, remembered for a short time. The key covers the username, the
 * password as stored in the users file and the password presented, so a changed password (or a
 * changed users file) never matches a remembered check; failures are never remembered. Keys
 * are HMACs under a random per-process key: the cache holds nothing that could be used to
 * guess a password.
 */
final class PasswordCheckCache {

  private static final int MAX_ENTRIES = 10_000;

  private final Duration ttl;
  private final Clock clock;
  private final SecretKeySpec key;
  private final Map<String, Instant> matches = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  PasswordCheckCache(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  boolean recentlyMatched(String username, String stored, String presented) {
    if (ttl.isZero() || ttl.isNegative()) {
      return false;
    }
    String k = key(username, stored, presented);
    synchronized (matches) {
      Instant expires = matches.get(k);
      if (expires == null) {
        return false;
      }
      if (!clock.instant().isBefore(expires)) {
        matches.remove(k);
        return false;
      }
      return true;
    }
  }

  void matched(String username, String stored, String presented) {
    if (ttl.isZero() || ttl.isNegative()) {
      return;
    }
    String k = key(username, stored, presented);
    synchronized (matches) {
      matches.put(k, clock.instant().plus(ttl));
    }
  }

  private String key(String username, String stored, String presented) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      for (String part : new String[] {username, stored, presented}) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        mac.update((byte) ':');
        mac.update(bytes);
      }
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}

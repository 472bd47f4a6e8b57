package gov.ice.registry.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Successful password checks, remembered for a short time. The key covers the username, the
 * password as stored in the users file and the password presented, so a changed password (or a
 * changed users file) never matches a remembered check; failures are never remembered. Keys
 * are HMACs under a random per-process key: the cache holds nothing that could be used to
 * guess a password. Bounded and expiring on Caffeine, whose clock is the registry's (a test moves it).
 */
final class PasswordCheckCache {

  private static final int MAX_ENTRIES = 10_000;

  private final Duration ttl;
  private final SecretKeySpec key;
  private final Cache<String, Boolean> matches;

  PasswordCheckCache(Duration ttl, Clock clock) {
    this.ttl = ttl;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.matches = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
        .expireAfterWrite(ttl.isNegative() ? Duration.ZERO : ttl)
        .ticker(() -> Duration.between(Instant.EPOCH, clock.instant()).toNanos())
        .executor(Runnable::run).build();
  }

  boolean recentlyMatched(String username, String stored, String presented) {
    if (ttl.isZero() || ttl.isNegative()) {
      return false;
    }
    return matches.getIfPresent(key(username, stored, presented)) != null;
  }

  void matched(String username, String stored, String presented) {
    if (ttl.isZero() || ttl.isNegative()) {
      return;
    }
    matches.put(key(username, stored, presented), Boolean.TRUE);
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

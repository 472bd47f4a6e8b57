package gov.ice.registry.failure;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Walks an exception's causes. Axon, Spring and the JDBC driver wrap what happened (a refusal, a
 * conflict, a lost connection) in layers of their own; callers ask for the cause they mean, here,
 * instead of each writing the loop. A cause seen twice ends the walk, so a cycle cannot hang it.
 */
public final class Causes {

  private Causes() {}

  /** {@code error} and its causes, outermost first. */
  public static Stream<Throwable> of(Throwable error) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    return Stream.iterate(error, t -> t != null && seen.add(t), Throwable::getCause);
  }

  /** The outermost cause of type {@code type}, if any. */
  public static <T extends Throwable> Optional<T> find(Throwable error, Class<T> type) {
    return of(error).filter(type::isInstance).map(type::cast).findFirst();
  }

  public static boolean any(Throwable error, Predicate<Throwable> test) {
    return of(error).anyMatch(test);
  }

  /** The innermost cause: the one that started it. */
  public static Throwable root(Throwable error) {
    return of(error).reduce((outer, inner) -> inner).orElse(error);
  }
}

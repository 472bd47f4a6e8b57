package gov.ice.registry.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CausesTest {

  private static final SQLException ROOT = new SQLException("duplicate key", "23505");
  private static final RuntimeException WRAPPED =
      new IllegalStateException("outer", new UncheckedIOException(new IOException("middle", ROOT)));

  @Test
  void findsTheOutermostCauseOfAType() {
    assertThat(Causes.find(WRAPPED, IOException.class)).get().extracting(Throwable::getMessage).isEqualTo("middle");
    assertThat(Causes.find(WRAPPED, SQLException.class)).contains(ROOT);
    assertThat(Causes.find(WRAPPED, ArithmeticException.class)).isEmpty();
  }

  @Test
  void answersWhetherAnyCauseMatches() {
    assertThat(Causes.any(WRAPPED, t -> t instanceof SQLException sql && sql.getSQLState().startsWith("23"))).isTrue();
    assertThat(Causes.any(WRAPPED, t -> t instanceof ArithmeticException)).isFalse();
  }

  @Test
  void findsTheRoot() {
    assertThat(Causes.root(WRAPPED)).isSameAs(ROOT);
    assertThat(Causes.root(ROOT)).isSameAs(ROOT);
  }

  @Test
  void endsOnACycle() {
    RuntimeException first = new RuntimeException("first");
    RuntimeException second = new RuntimeException("second", first);
    first.initCause(second);
    assertThat(Causes.of(first)).containsExactly(first, second);
    assertThat(Causes.root(first)).isSameAs(second);
  }
}

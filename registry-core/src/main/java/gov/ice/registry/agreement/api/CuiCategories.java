package gov.ice.registry.agreement.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CUI Registry's category list, kept as data ({@code cui-categories.csv} beside this class)
 * so that a category the program adds is one line, not a release of the rules.
 */
public final class CuiCategories {

  /** Whether a category may be marked Basic, Specified ({@code SP-}), or either. */
  public enum Authority { BASIC, SPECIFIED, BOTH }

  /** One line of the list. */
  public record Category(String abbreviation, Authority authority, String name) {

    /** {@code true} when {@code marked} ({@code PRVCY} or {@code SP-PRVCY}) is a form this category may take. */
    public boolean admits(boolean specified) {
      return authority == Authority.BOTH || (authority == Authority.SPECIFIED) == specified;
    }
  }

  private static final Map<String, Category> ALL = load();

  private CuiCategories() {}

  public static List<Category> all() {
    return List.copyOf(ALL.values());
  }

  /** The category a banner entry names ({@code SP-PRVCY} names {@code PRVCY}), if the list holds it. */
  public static Optional<Category> of(String marked) {
    if (marked == null) {
      return Optional.empty();
    }
    String upper = marked.trim().toUpperCase(Locale.ROOT);
    return Optional.ofNullable(ALL.get(upper.startsWith("SP-") ? upper.substring(3) : upper));
  }

  /** {@code true} when {@code marked} is a category of the list in a form it may take. */
  public static boolean accepts(String marked) {
    boolean specified = marked != null && marked.trim().toUpperCase(Locale.ROOT).startsWith("SP-");
    return of(marked).map(c -> c.admits(specified)).orElse(false);
  }

  private static Map<String, Category> load() {
    Map<String, Category> categories = new LinkedHashMap<>();
    try (InputStream in = CuiCategories.class.getResourceAsStream("cui-categories.csv")) {
      if (in == null) {
        throw new IllegalStateException("cui-categories.csv is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(",", 3);
        categories.put(cells[0].trim(), new Category(cells[0].trim(), Authority.valueOf(cells[1].trim()), cells[2].trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return categories;
  }
}

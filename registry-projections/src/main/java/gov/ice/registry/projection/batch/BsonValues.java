package gov.ice.registry.projection.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * How the read models write values, chosen to behave the same on MongoDB and on
 * mongo-java-server: days as ISO-8601 strings (they sort and compare as dates), instants as BSON
 * dates, enums by name.
 */
public final class BsonValues {

  private BsonValues() {}

  public static String day(LocalDate date) {
    return date == null ? null : date.toString();
  }

  public static LocalDate day(Document document, String field) {
    String value = document.getString(field);
    return value == null ? null : LocalDate.parse(value);
  }

  public static Date instant(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  public static Instant instant(Document document, String field) {
    Date value = document.getDate(field);
    return value == null ? null : value.toInstant();
  }

  public static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  public static <E extends Enum<E>> E name(Document document, String field, Class<E> type) {
    String value = document.getString(field);
    return value == null ? null : Enum.valueOf(type, value);
  }

  public static List<String> strings(Document document, String field) {
    List<String> values = document.getList(field, String.class);
    return values == null ? List.of() : List.copyOf(values);
  }

  public static List<Document> documents(Document document, String field) {
    List<Document> values = document.getList(field, Document.class);
    return values == null ? List.of() : values;
  }

  public static long number(Document document, String field) {
    Number value = document.get(field, Number.class);
    return value == null ? 0 : value.longValue();
  }
}

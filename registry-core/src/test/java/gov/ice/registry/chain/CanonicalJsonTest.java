package gov.ice.registry.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  @Test
  void sortsMembersByUtf16CodeUnitsAndDropsWhitespace() {
    Object value = CanonicalJson.parse("{ \"b\": [1, 2, {\"z\": null, \"a\": true}], \"a\": \"x\", \"\\u00e9\": 0, \"B\": false }");

    assertThat(CanonicalJson.canonical(value)).isEqualTo("{\"B\":false,\"a\":\"x\",\"b\":[1,2,{\"a\":true,\"z\":null}],\"é\":0}");
  }

  @Test
  void keepsMemberOrderInCompactForm() {
    Object value = CanonicalJson.parse("{\"b\": 1, \"a\": 2}");

    assertThat(CanonicalJson.compact(value)).isEqualTo("{\"b\":1,\"a\":2}");
  }

  @Test
  void escapesStringsAsJcsDoes() {
    String text = "quote\" backslash\\ slash/ tab\t newline\n unit\u001f del\u007f line\u2028 snowman\u2603";

    assertThat(CanonicalJson.canonical(text))
        .isEqualTo("\"quote\\\" backslash\\\\ slash/ tab\\t newline\\n unit\\u001f del\u007f line\u2028 snowman\u2603\"");
    assertThat(CanonicalJson.parse(CanonicalJson.canonical(text))).isEqualTo(text);
  }

  @Test
  void readsEscapesAndLargeIntegers() {
    assertThat(CanonicalJson.parse("\"\\u0041\\/\\b\"")).isEqualTo("A/\b");
    assertThat(CanonicalJson.parse("-12345678901234567890")).isEqualTo(new BigInteger("-12345678901234567890"));
    assertThat(CanonicalJson.parse("[]")).isEqualTo(List.of());
    assertThat(CanonicalJson.parse("{}")).isEqualTo(Map.of());
  }

  @Test
  void refusesWhatIsNotStrictJson() {
    for (String bad : List.of("{\"a\":1,\"a\":2}", "01", "[1,]", "{\"a\" 1}", "\"tab\there\"", "tru", "1 2", "{'a':1}", "\"\\x\"", "")) {
      assertThatThrownBy(() -> CanonicalJson.parse(bad)).as(bad).isInstanceOf(CanonicalJson.MalformedJson.class);
    }
  }

  @Test
  void refusesFractionsRatherThanPickingACanonicalForm() {
    assertThatThrownBy(() -> CanonicalJson.canonical(CanonicalJson.parse("1.5"))).isInstanceOf(IllegalArgumentException.class);
    assertThat(CanonicalJson.canonical(CanonicalJson.parse("2.0"))).isEqualTo("2");
  }
}

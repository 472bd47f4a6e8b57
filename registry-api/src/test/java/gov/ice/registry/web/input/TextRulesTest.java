package gov.ice.registry.web.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text every request field and query value must be: visible, valid Unicode, no control characters. */
class TextRulesTest {

  @Test
  void refusesLoneSurrogatesAndNoncharacters() {
    assertThat(TextRules.problem("Texas \uD800 DPS")).contains("lone surrogate");
    assertThat(TextRules.problem("Texas DPS \uDC00")).contains("lone surrogate");
    assertThat(TextRules.problem("\uDC00\uD800")).contains("lone surrogate");
    assertThat(TextRules.problem("Texas \uFFFF")).contains("noncharacter");
    assertThat(TextRules.problem("Texas \uFFFE")).contains("noncharacter");
    assertThat(TextRules.problem("Texas \uFDD0")).contains("noncharacter");
    assertThat(TextRules.problem("Texas " + new String(Character.toChars(0x1FFFF)))).contains("noncharacter");
  }

  @Test
  void acceptsTextOutsideTheBasicPlaneAndOrdinaryText() {
    assertThat(TextRules.problem("Ministère de l'Intérieur \uD83D\uDCC4")).isNull();
    assertThat(TextRules.problem("Two\nlines\tand a tab")).isNull();
    assertThat(TextRules.problem("\uD83D\uDCC4")).isNull();
  }

  @Test
  void stillRefusesControlAndInvisibleOnlyText() {
    assertThat(TextRules.problem("a\u0000b")).contains("control");
    assertThat(TextRules.problem("\u200B\u200B")).contains("invisible");
  }
}

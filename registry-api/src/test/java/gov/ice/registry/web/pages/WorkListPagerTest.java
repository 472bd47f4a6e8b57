package gov.ice.registry.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import gov.ice.registry.web.pages.WorkListPages.Pager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The reviews' and approvals' pages show a hundred rows at a time, with links to the pages beside. */
class WorkListPagerTest {

  private static Pager pager(int page, long total) {
    return Pager.of(Pager.clamp(page, total), total, at -> UriComponentsBuilder.fromPath("/audit/approvals").queryParam("actor", "sam igp")
        .queryParam("page", at));
  }

  @Test
  void countsRowsAndLinksThePagesBeside() {
    Pager middle = pager(1, 250);
    assertThat(middle.page()).isEqualTo(1);
    assertThat(middle.pages()).isEqualTo(3);
    assertThat(middle.first()).isEqualTo(101);
    assertThat(middle.last()).isEqualTo(200);
    assertThat(middle.prevHref()).isEqualTo("/audit/approvals?actor=sam%20igp&page=0");
    assertThat(middle.nextHref()).isEqualTo("/audit/approvals?actor=sam%20igp&page=2");

    Pager last = pager(2, 250);
    assertThat(last.last()).isEqualTo(250);
    assertThat(last.nextHref()).isNull();
  }

  @Test
  void aPageBeyondTheListShowsItsLastPageAndAnEmptyListOnePage() {
    assertThat(pager(40, 250).page()).isEqualTo(2);
    Pager empty = pager(3, 0);
    assertThat(empty.page()).isZero();
    assertThat(empty.pages()).isEqualTo(1);
    assertThat(empty.first()).isZero();
    assertThat(empty.prevHref()).isNull();
    assertThat(empty.nextHref()).isNull();
  }

  @Test
  void theLayoutsPagerFragmentRendersTheLinksAndNothingForOnePage() {
    SpringTemplateEngine engine = new SpringTemplateEngine();
    ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
    files.setPrefix("templates/");
    files.setSuffix(".html");
    files.setTemplateMode(TemplateMode.HTML);
    files.setResolvablePatterns(java.util.Set.of("fragments/*"));
    files.setOrder(1);
    StringTemplateResolver inline = new StringTemplateResolver();
    inline.setOrder(2);
    engine.addTemplateResolver(files);
    engine.addTemplateResolver(inline);
    String page = "<main><nav th:replace=\"~{fragments/layout :: pager(${pager}, 'Approval pages')}\"></nav></main>";

    String several = engine.process(page, new Context(null, Map.of("pager", pager(1, 250))));
    assertThat(several).contains("aria-label=\"Approval pages\"")
        .contains("href=\"/audit/approvals?actor=sam%20igp&amp;page=0\" rel=\"prev\"")
        .contains("href=\"/audit/approvals?actor=sam%20igp&amp;page=2\" rel=\"next\"")
        .contains("Rows 101 to 200 of 250 (page 2 of 3)");

    assertThat(engine.process(page, new Context(null, Map.of("pager", pager(0, 99))))).doesNotContain("<nav");
  }
}

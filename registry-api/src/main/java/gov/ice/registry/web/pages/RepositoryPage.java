package gov.ice.registry.web.pages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class RepositoryPage {

  @GetMapping("/")
  String repository() {
    return "repository";
  }
}

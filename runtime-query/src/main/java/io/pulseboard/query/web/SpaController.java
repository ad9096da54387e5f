package io.pulseboard.query.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Client-side routes of the dashboard page ({@code /d/...}) load the page itself; the page's router
 * reads the path. Static files come from {@code classpath:static/}, index.html at {@code /}.
 */
@Controller
public class SpaController {
  @GetMapping({"/d", "/d/", "/d/**"})
  public String page() {
    return "forward:/index.html";
  }
}

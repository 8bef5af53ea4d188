package vn.thongsuot.escalation;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * "Hồ sơ của đơn vị" lives at /unit-issues/ (static files under resources/static/unit-issues); an
 * issue opens at /unit-issues/#&lt;number&gt;. The page holds no data: everything comes from /api/issues.
 */
@Configuration
class UnitIssuesPage {

  /** Where Tasklist's header and the filing confirmation link to. */
  static final String PATH = "/unit-issues/";

  @org.springframework.context.annotation.Bean
  WebMvcConfigurer unitIssuesRedirects() {
    return new WebMvcConfigurer() {
      @Override
      public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/unit-issues", PATH + "index.html");
        registry.addRedirectViewController(PATH, PATH + "index.html");
      }
    };
  }
}

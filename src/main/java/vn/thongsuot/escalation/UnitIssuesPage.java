package vn.thongsuot.escalation;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * "Hồ sơ của đơn vị" lives at /unit-issues/ (static files under resources/static/unit-issues); an
 * issue opens at /unit-issues/#&lt;number&gt;, where Tasklist's header and its filing confirmation
 * link. The page holds no data: everything comes from /api/issues.
 */
@Configuration
class UnitIssuesPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/unit-issues", "/unit-issues/index.html");
    registry.addRedirectViewController("/unit-issues/", "/unit-issues/index.html");
  }
}

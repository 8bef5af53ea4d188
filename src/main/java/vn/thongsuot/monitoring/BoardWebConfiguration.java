package vn.thongsuot.monitoring;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The board's page lives at /board/ (static files under resources/static/board). */
@Configuration
class BoardWebConfiguration implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/board", "/board/index.html");
    registry.addRedirectViewController("/board/", "/board/index.html");
  }
}

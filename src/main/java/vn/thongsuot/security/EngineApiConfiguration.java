package vn.thongsuot.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import vn.thongsuot.directory.UnitDirectory;

/**
 * Camunda serves its engine REST API twice: as {@code /engine-rest} (the REST starter's Jersey
 * application, which Spring Boot lets us customise) and as {@code /camunda/api/engine} for Tasklist,
 * Cockpit and Admin (the webapp starter's own Jersey servlet, named "Engine Api", which it registers
 * only if no servlet of that name exists yet). Both get the same door and the same error answers:
 * the webapps' servlet is registered here first, with Camunda's own application classes plus every
 * {@link ResourceConfigCustomizer} of ours.
 */
@Configuration
class EngineApiConfiguration {

  /** The name Camunda's webapp initializer looks for before registering its own servlet. */
  static final String WEBAPP_ENGINE_SERVLET = "Engine Api";
  static final String WEBAPP_ENGINE_PATH = "/camunda/api/engine/*";

  @Bean
  EngineApiDoor engineApiDoor(IdentityService identity, TaskService tasks, HistoryService history,
      UnitDirectory directory, FormFields forms, TasklistFiling filing, ObjectMapper json) {
    return new EngineApiDoor(identity, tasks, history, directory, forms, filing, json);
  }

  @Bean
  ResourceConfigCustomizer engineApiDoorOnEngineRest(EngineApiDoor door) {
    return config -> config.register(door);
  }

  @Bean
  ServletRegistrationBean<ServletContainer> webappEngineApi(ObjectProvider<ResourceConfigCustomizer> customizers) {
    ResourceConfig config = new ResourceConfig(new EngineRestApplication().getClasses());
    List<ResourceConfigCustomizer> ours = customizers.orderedStream().toList();
    ours.forEach(customizer -> customizer.customize(config));
    ServletRegistrationBean<ServletContainer> registration =
        new ServletRegistrationBean<>(new ServletContainer(config), WEBAPP_ENGINE_PATH);
    registration.setName(WEBAPP_ENGINE_SERVLET);
    // Before Camunda's webapp initializer (lowest precedence), which then keeps ours.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}

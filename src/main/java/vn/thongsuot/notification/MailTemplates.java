package vn.thongsuot.notification;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders {@code templates/mail/<name>.html} with Thymeleaf. The subject is the template's
 * {@code <title>}, so whoever edits the wording edits one file per event. A private engine rather
 * than Spring Boot's Thymeleaf starter: the starter would also answer web requests with views.
 */
@Component
class MailTemplates {

  private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

  private final TemplateEngine engine = new TemplateEngine();

  MailTemplates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  record Rendered(String subject, String html) {}

  Rendered render(String template, Map<String, Object> variables) {
    String html = engine.process("mail/" + template, new Context(null, variables));
    Matcher title = TITLE.matcher(html);
    if (!title.find()) {
      throw new IllegalStateException("mail template " + template + " has no <title> (the subject)");
    }
    String subject = HtmlUtils.htmlUnescape(title.group(1)).replaceAll("\\s+", " ").strip();
    return new Rendered(subject, html);
  }
}

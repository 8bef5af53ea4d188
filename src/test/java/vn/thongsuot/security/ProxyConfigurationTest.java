package vn.thongsuot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What docker compose serves: HTTPS only, HSTS, and the proxy tells the nodes the request came over
 * TLS (their cookies then get Secure). docker-compose config validates the files in CI; this
 * checks what they say.
 */
class ProxyConfigurationTest {

  @Test
  void theProxyTerminatesTlsRedirectsHttpAndSendsHsts() throws Exception {
    String nginx = Files.readString(Path.of("src/main/docker/nginx.conf"));
    assertThat(nginx).contains("listen 443 ssl;", "ssl_certificate /etc/nginx/certs/tls.crt;",
        "ssl_protocols TLSv1.2 TLSv1.3;", "return 301 https://$host$request_uri;",
        "add_header Strict-Transport-Security \"max-age=31536000; includeSubDomains\" always;",
        "proxy_set_header X-Forwarded-Proto https;");
    assertThat(nginx.substring(nginx.indexOf("listen 80;"), nginx.indexOf("listen 443")))
        .as("plain HTTP only redirects").doesNotContain("proxy_pass");
  }

  @Test
  void composePublishesHttpsAndMakesACertificateOnlyWhenNoneIsMounted() throws Exception {
    String compose = Files.readString(Path.of("docker-compose.yml"));
    assertThat(compose).contains("\"${THONGSUOT_HTTPS_PORT:-8443}:443\"", "${THONGSUOT_CERTS_DIR:-certs}:/etc/nginx/certs:ro",
        "test -s /certs/tls.crt && test -s /certs/tls.key && exit 0", "condition: service_completed_successfully");
  }
}

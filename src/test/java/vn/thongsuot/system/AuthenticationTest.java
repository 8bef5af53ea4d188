package vn.thongsuot.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.thongsuot.AppTest;

/** Every door of the service asks who is calling. */
@AppTest
class AuthenticationTest {

  @Autowired TestRestTemplate http;

  @Test
  void engineRestRefusesAnonymousCalls() {
    ResponseEntity<String> response = http.getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void engineRestAnswersTheDemoAdministrator() {
    ResponseEntity<String> response = http.withBasicAuth("demo", "demo")
        .getForEntity("/engine-rest/task?firstResult=0&maxResults=50", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void engineRestRefusesUnboundedQueries() {
    // queryMaxResultsLimit: an authenticated list query must page (maxResults <= 2000).
    ResponseEntity<String> response = http.withBasicAuth("demo", "demo")
        .getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("unbound");
  }

  @Test
  void engineRestRefusesAWrongPassword() {
    ResponseEntity<String> response = http.withBasicAuth("demo", "wrong")
        .getForEntity("/engine-rest/task", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void issueApiRefusesAnonymousCallsInVietnamese() {
    ResponseEntity<String> response = http.getForEntity("/api/issues/VM-2026-31-000001", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getBody()).contains("Cần đăng nhập");
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void healthIsOpenToLoadBalancersButShowsNoDetails() {
    ResponseEntity<String> response = http.getForEntity("/actuator/health", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"status\":\"UP\"").doesNotContain("components");
  }

  @Test
  void otherActuatorEndpointsNeedAnAccount() {
    assertThat(http.getForEntity("/actuator/info", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}

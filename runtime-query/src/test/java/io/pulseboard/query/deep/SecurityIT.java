package io.pulseboard.query.deep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Bearer token on REST and the WebSocket handshake, allowed origins, and clear 4xx for bad parameters. */
class SecurityIT extends AbstractDeepIT {
  private static final String TOKEN = "t0ken-from-a-secret";
  private static final String ALLOWED = "https://dash.example.com";
  private static final String PANEL = "/api/v1/dashboards/" + DASHBOARD + "/panels/events";

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) throws Exception {
    register(registry, SERVICES.redis());
    registry.add("pulseboard.auth-token", () -> TOKEN);
    registry.add("pulseboard.allowed-origins", () -> ALLOWED);
  }

  private HttpResponse<String> send(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void restNeedsTheTokenProbesAndMetricsDoNot() throws Exception {
    assertThat(send(PANEL).statusCode()).isEqualTo(401);
    assertThat(send(PANEL, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(send(PANEL, "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    assertThat(send("/api/v1/dashboards").statusCode()).isEqualTo(401);
    assertThat(send("/healthz").statusCode()).isEqualTo(200);
    assertThat(send("/metrics").statusCode()).isEqualTo(200);
  }

  @Test
  void theWebSocketHandshakeNeedsTheTokenAndAnAllowedOrigin() throws Exception {
    assertThatThrownBy(() -> new RawWebSocket(port, "/api/v1/live", 65_536, "").close())
        .isInstanceOf(IOException.class).hasMessageContaining("401");
    new RawWebSocket(port, "/api/v1/live?access_token=" + TOKEN, 65_536, "").close();
    new RawWebSocket(port, "/api/v1/live", 65_536, "Authorization: Bearer " + TOKEN + "\r\nOrigin: " + ALLOWED + "\r\n").close();
    assertThatThrownBy(() -> new RawWebSocket(port, "/api/v1/live", 65_536,
        "Authorization: Bearer " + TOKEN + "\r\nOrigin: https://evil.example.org\r\n").close())
        .isInstanceOf(IOException.class).hasMessageContaining("403");
  }

  @Test
  void corsAnswersAllowedOriginsOnly() throws Exception {
    HttpResponse<String> allowed = send(PANEL, "Authorization", "Bearer " + TOKEN, "Origin", ALLOWED);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ALLOWED);
    HttpResponse<String> other = send(PANEL, "Authorization", "Bearer " + TOKEN, "Origin", "https://evil.example.org");
    assertThat(other.statusCode()).isEqualTo(403);
  }

  @Test
  void badParametersAreClear4xx() throws Exception {
    String auth = "Bearer " + TOKEN;
    HttpResponse<String> unknown = send("/api/v1/dashboards/" + DASHBOARD + "/panels/nope", "Authorization", auth);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("has no panel 'nope'");
    HttpResponse<String> tooLong = send(PANEL + "?from=0&to=" + 401L * 86_400_000, "Authorization", auth);
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("longer than 400 days");
    HttpResponse<String> tooManyMinutes = send(PANEL + "?from=0&to=" + 30L * 86_400_000 + "&step=1m", "Authorization", auth);
    assertThat(tooManyMinutes.statusCode()).isEqualTo(400);
    assertThat(tooManyMinutes.body()).contains("use a coarser step");
    HttpResponse<String> badStep = send(PANEL + "?step=5m", "Authorization", auth);
    assertThat(badStep.statusCode()).isEqualTo(400);
    assertThat(badStep.body()).contains("step");
  }
}

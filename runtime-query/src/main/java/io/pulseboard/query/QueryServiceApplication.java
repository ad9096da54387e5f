package io.pulseboard.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query service of one dashboard: panel REST API, live WebSocket, and the dashboard page. */
@SpringBootApplication
public class QueryServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(QueryServiceApplication.class, args);
  }
}

package io.pulseboard.query.deep;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The deep ITs that need nothing special: they share one Spring context, so the service starts once for all. */
abstract class SharedDeepIT extends AbstractDeepIT {
  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) throws Exception {
    register(registry, SERVICES.redis());
  }
}

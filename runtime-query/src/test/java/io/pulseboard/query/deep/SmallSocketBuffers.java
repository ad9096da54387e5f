package io.pulseboard.query.deep;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Small server send buffers, so a client that stops reading stalls the server's sends within a few
 * hundred KB instead of the megabytes loopback autotuning allows; the behaviour is the same, only sooner.
 */
@TestConfiguration(proxyBeanMethods = false)
class SmallSocketBuffers {
  @Bean
  TomcatConnectorCustomizer smallSendBuffers() {
    return connector -> connector.setProperty("socket.txBufSize", "8192");
  }
}

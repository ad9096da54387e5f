package io.pulseboard.query.live;

import java.time.Duration;

/**
 * Limits of live connections.
 *
 * @param sendTimeLimit longest one message may take to reach a client before it is closed as slow
 * @param bufferLimitBytes most bytes that may wait for one client before it is closed as slow
 * @param heartbeat interval of heartbeat messages
 * @param maxSubscriptions most panels one connection may subscribe to at once
 */
public record LiveSettings(Duration sendTimeLimit, long bufferLimitBytes, Duration heartbeat, int maxSubscriptions) {
  public LiveSettings {
    if (sendTimeLimit == null) {
      sendTimeLimit = Duration.ofSeconds(10);
    }
    if (bufferLimitBytes <= 0) {
      bufferLimitBytes = 8L * 1024 * 1024;
    }
    if (heartbeat == null) {
      heartbeat = Duration.ofSeconds(10);
    }
    if (maxSubscriptions <= 0) {
      maxSubscriptions = 50;
    }
  }
}

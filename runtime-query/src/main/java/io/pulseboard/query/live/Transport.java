package io.pulseboard.query.live;

import java.util.function.Consumer;

/** The sending side of one WebSocket connection. */
interface Transport {
  /** Sends one text frame without blocking; {@code done} gets null on success or the error. */
  void send(String text, Consumer<Throwable> done);

  /** Closes the connection with a close code and a short reason. */
  void close(int code, String reason);
}

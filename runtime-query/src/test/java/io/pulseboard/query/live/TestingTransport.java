package io.pulseboard.query.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A client connection that records frames. With {@link #autoComplete} off, sends stay in flight until
 * {@link #completeSend} (a slow client).
 */
final class TestingTransport implements Transport {
  final List<String> sent = new CopyOnWriteArrayList<>();
  final List<Consumer<Throwable>> inFlight = new CopyOnWriteArrayList<>();
  volatile boolean autoComplete = true;
  volatile Integer closeCode;

  @Override
  public void send(String text, Consumer<Throwable> done) {
    sent.add(text);
    if (autoComplete) {
      done.accept(null);
    } else {
      inFlight.add(done);
    }
  }

  @Override
  public void close(int code, String reason) {
    closeCode = code;
  }

  void completeSend(Throwable error) {
    inFlight.remove(0).accept(error);
  }
}

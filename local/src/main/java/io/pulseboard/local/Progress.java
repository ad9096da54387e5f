package io.pulseboard.local;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Numbered progress lines on the console, one per step: {@code [3/8] starting Kafka... ready in 2.4 s
 * (127.0.0.1:40001)}. Logs go to a file, so nothing else writes to the console while a step runs.
 */
final class Progress {
  private final PrintStream out;
  private final int steps;
  private int step;
  private long started;
  private boolean open;
  private boolean silenced;

  Progress(PrintStream out, int steps) {
    this.out = out;
    this.steps = steps;
  }

  synchronized void start(String what) {
    if (silenced) {
      return;
    }
    step++;
    started = System.nanoTime();
    out.printf(Locale.ROOT, "[%d/%d] %s...", step, steps, what);
    out.flush();
    open = true;
  }

  synchronized void done(String detail) {
    if (silenced) {
      return;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(Locale.ROOT, " ready in %.1f s%s%n", seconds, detail.isEmpty() ? "" : " (" + detail + ")");
    out.flush();
    open = false;
  }

  /** Ends a step that did not finish, so what follows starts on its own line. */
  synchronized void failed() {
    end(" failed");
  }

  /** Ends the step in progress and ignores the steps a start that is being stopped still reports. */
  synchronized void interrupted() {
    end(" interrupted");
    silenced = true;
  }

  private void end(String word) {
    if (open) {
      out.println(word);
      out.flush();
      open = false;
    }
  }

  synchronized void line(String text) {
    out.println(text);
    out.flush();
  }
}

package io.pulseboard.operator.status;

/** A step of a reconcile could not be done; the reason and message go into the Ready condition. */
public class ReconcileProblem extends RuntimeException {
  private final Reason reason;

  public ReconcileProblem(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ReconcileProblem(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

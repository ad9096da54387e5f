package io.pulseboard.operator.kafka;

/**
 * What the operator found of a stream's topics.
 *
 * @param sourceExists whether the source topic exists
 * @param partitions its partition count, 0 when it does not exist
 * @param deadLetterCreated whether the dead-letter topic was created by this check
 */
public record TopicCheck(boolean sourceExists, int partitions, boolean deadLetterCreated) {

  public static TopicCheck sourceMissing() {
    return new TopicCheck(false, 0, false);
  }
}

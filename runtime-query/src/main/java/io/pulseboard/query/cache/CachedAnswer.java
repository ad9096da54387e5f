package io.pulseboard.query.cache;

import java.time.Duration;

/**
 * A panel answer read from a cache, as the JSON the API sends.
 *
 * @param json the answer, exactly as it was stored
 * @param timeLeft until the entry expires; a copy kept elsewhere must not outlive it
 */
public record CachedAnswer(byte[] json, Duration timeLeft) {}

package io.pulseboard.query.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every 4xx/5xx answer of the REST API: {@code {"error": "..."}}, plus {@code reason} for a
 * panel that cannot be queried (409).
 */
public record ErrorResponse(String error, @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
  public ErrorResponse(String error) {
    this(error, null);
  }
}

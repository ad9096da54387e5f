package io.pulseboard.query.web;

/** The body of every 4xx/5xx answer of the REST API: {@code {"error": "..."}}. */
public record ErrorResponse(String error) {}

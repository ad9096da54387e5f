package io.pulseboard.query.web;

import io.pulseboard.query.clickhouse.QueryFailedException;
import io.pulseboard.query.panel.BadRequestException;
import io.pulseboard.query.panel.NotFoundException;
import io.pulseboard.query.panel.PanelProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps refusals to {@code {"error": "..."}} with 400, 404, 409 (a panel with a problem, with its reason),
 * 502 (ClickHouse failed) or 500.
 */
@RestControllerAdvice(assignableTypes = {DashboardController.class, DashboardMetaController.class})
public class ApiExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ErrorResponse> notFound(NotFoundException e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(PanelProblemException.class)
  ResponseEntity<ErrorResponse> panelProblem(PanelProblemException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorResponse(e.getMessage(), e.reason()));
  }

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<ErrorResponse> badRequest(BadRequestException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ErrorResponse> badParameter(MethodArgumentTypeMismatchException e) {
    return error(HttpStatus.BAD_REQUEST, e.getName() + " must be " + (e.getName().equals("step") ? "auto, 1m, 1h or 1d" : "epoch milliseconds"));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ErrorResponse> missingParameter(MissingServletRequestParameterException e) {
    return error(HttpStatus.BAD_REQUEST, e.getParameterName() + " is missing");
  }

  @ExceptionHandler(QueryFailedException.class)
  ResponseEntity<ErrorResponse> queryFailed(QueryFailedException e) {
    return error(HttpStatus.BAD_GATEWAY, e.getMessage());
  }

  /** Anything else is a bug: logged with its stack, answered without internals. */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ErrorResponse> unexpected(RuntimeException e) {
    LOG.error("unexpected failure of a dashboard request", e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the query service log has the details");
  }

  private static ResponseEntity<ErrorResponse> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(new ErrorResponse(message));
  }
}

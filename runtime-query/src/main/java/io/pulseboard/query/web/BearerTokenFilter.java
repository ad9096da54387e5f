package io.pulseboard.query.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Optional bearer-token check of everything under {@code /api} (REST and the WebSocket handshake). The
 * token comes as {@code Authorization: Bearer <token>} or, for browsers' WebSockets that cannot set
 * headers, as {@code ?access_token=<token>}. Probes, metrics and the page stay open. CORS preflights
 * carry no credentials and pass (the CORS configuration answers them).
 */
public final class BearerTokenFilter extends OncePerRequestFilter {
  private final byte[] token;

  public BearerTokenFilter(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/") || "OPTIONS".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (matches(presented(request))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Bearer");
    response.setContentType("application/json");
    response.getWriter().write("{\"error\":\"a bearer token is required\"}");
  }

  private static String presented(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    return request.getParameter("access_token");
  }

  /** Constant time, so the comparison does not leak how much of a guess was right. */
  private boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
  }
}

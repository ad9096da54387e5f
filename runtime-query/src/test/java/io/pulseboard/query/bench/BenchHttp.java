package io.pulseboard.query.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * The client every timed request of the query benchmark goes through, for the service and for ClickHouse
 * alike: Apache HttpClient's blocking client on kept-alive connections, so a request costs the caller's
 * thread and nothing else. (The JDK's HttpClient hands each request between its own threads, which on
 * two cores added up to 4 ms to the p99 of a request the server answers in 0.1 ms.) Timed requests read
 * the body into one reused buffer, so this JVM's garbage collections do not land in the figures.
 */
final class BenchHttp implements AutoCloseable {
  private final CloseableHttpClient http = HttpClients.createDefault();
  private final byte[] drain = new byte[64 * 1024];

  /** The body as text: for checks, not for timed requests. */
  String get(String url) {
    return send(new HttpGet(url));
  }

  /** Reads the whole answer and keeps none of it; returns its length. */
  long fetch(String url) {
    return drained(new HttpGet(url));
  }

  String post(String url, String sql) {
    return send(sqlRequest(url, sql));
  }

  long postAndDrain(String url, String sql) {
    return drained(sqlRequest(url, sql));
  }

  private static HttpPost sqlRequest(String url, String body) {
    HttpPost post = new HttpPost(url);
    post.setEntity(new StringEntity(body, ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8)));
    return post;
  }

  private String send(HttpUriRequestBase request) {
    try {
      return http.execute(request, response -> {
        String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        if (response.getCode() != 200) {
          throw new IllegalStateException(request.getRequestUri() + " answered " + response.getCode() + ": " + body);
        }
        return body;
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long drained(HttpUriRequestBase request) {
    try {
      return http.execute(request, response -> {
        if (response.getCode() != 200) {
          throw new IllegalStateException(request.getRequestUri() + " answered " + response.getCode() + ": "
              + EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
        }
        long length = 0;
        try (InputStream body = response.getEntity().getContent()) {
          for (int n = body.read(drain); n >= 0; n = body.read(drain)) {
            length += n;
          }
        }
        return length;
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}

package io.pulseboard.local;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A stable 127.0.0.1 port in front of a Deployment's current process, as a Kubernetes Service is in front
 * of its pods. Local mode gives a restarted process a new port, so a page that must survive a killed query
 * process is opened through this proxy. Each connection is forwarded to the port the process has at connect
 * time; when there is no process (yet), the connection is closed and the client retries, as it would
 * against a Service with no ready endpoint.
 */
final class ServiceProxy implements Closeable {
  private final ServerSocket server;
  private final Path stateDir;
  private final String namespace;
  private final String deployment;

  private ServiceProxy(Path stateDir, String namespace, String deployment) throws IOException {
    this.stateDir = stateDir;
    this.namespace = namespace;
    this.deployment = deployment;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  static ServiceProxy start(Path stateDir, String namespace, String deployment) throws IOException {
    ServiceProxy proxy = new ServiceProxy(stateDir, namespace, deployment);
    Thread acceptor = new Thread(proxy::acceptLoop, "proxy-" + deployment);
    acceptor.setDaemon(true);
    acceptor.start();
    return proxy;
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/";
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread connection = new Thread(() -> forward(client), "proxy-conn");
        connection.setDaemon(true);
        connection.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void forward(Socket client) {
    try (client) {
      Optional<RuntimeProcesses.Found> target = RuntimeProcesses.find(stateDir, namespace, deployment);
      if (target.isEmpty()) {
        return;
      }
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target.get().httpPort())) {
        Thread back = new Thread(() -> pump(upstream, client), "proxy-back");
        back.setDaemon(true);
        back.start();
        pump(client, upstream);
        back.join();
      }
    } catch (IOException | InterruptedException refused) {
      // The process went away mid-connection (or refused it): closing the client is what a Service does too.
    }
  }

  /** Copies until either side closes, then closes both, so a killed process drops the client's connection. */
  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException closed) {
      // one side is gone
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}

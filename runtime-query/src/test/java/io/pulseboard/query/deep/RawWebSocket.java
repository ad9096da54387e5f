package io.pulseboard.query.deep;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A WebSocket client on a plain socket, so a test decides when (and whether) it reads: with a small
 * receive buffer and no reads, the server's sends stall as they would for a phone on a bad network.
 */
final class RawWebSocket implements AutoCloseable {
  static final int TEXT = 1;
  static final int CLOSE = 8;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final Random random = new Random();

  record Frame(int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    int closeCode() {
      return payload.length < 2 ? -1 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }
  }

  RawWebSocket(int port, String path, int receiveBuffer, String extraHeaders) throws IOException {
    socket = new Socket();
    socket.setReceiveBufferSize(receiveBuffer);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
    out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders + "\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = readHeaders();
    if (!status.startsWith("HTTP/1.1 101")) {
      throw new IOException("handshake refused: " + status);
    }
  }

  /** The status line, after reading the whole response head. */
  private String readHeaders() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed during the handshake: " + head);
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.US_ASCII).lines().findFirst().orElse("");
  }

  void sendText(String text) throws IOException {
    byte[] payload = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x80 | TEXT);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length & 0xff);
    }
    byte[] mask = new byte[4];
    random.nextBytes(mask);
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  /** The next whole message (continuation frames joined); throws on timeout or end of stream. */
  Frame read(int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    int opcode = -1;
    while (true) {
      int first = in.readUnsignedByte();
      int second = in.readUnsignedByte();
      long length = second & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      int frameOpcode = first & 0x0f;
      if (frameOpcode >= 8) {
        if (frameOpcode == CLOSE) {
          return new Frame(CLOSE, payload);
        }
        continue; // ping/pong
      }
      if (frameOpcode != 0) {
        opcode = frameOpcode;
      }
      message.write(payload);
      if ((first & 0x80) != 0) {
        return new Frame(opcode, message.toByteArray());
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}

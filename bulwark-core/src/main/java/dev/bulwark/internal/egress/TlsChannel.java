package dev.bulwark.internal.egress;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of TLS over a blocking channel (a Unix socket has no {@link Socket} for {@code
 * SSLSocketFactory} to layer on): the interception mode's end of the program's connection. One
 * thread may read while another writes, as the relay does.
 */
final class TlsChannel {
  private static final Logger LOG = LoggerFactory.getLogger(TlsChannel.class);

  private final SocketChannel channel;
  private final SSLEngine engine;
  private final Object writing = new Object();
  private ByteBuffer netIn;
  private ByteBuffer appIn;
  private boolean closedIn;
  private boolean handshaking;

  /**
   * @param alreadyRead bytes of the handshake the proxy read before deciding (the ClientHello)
   */
  TlsChannel(SocketChannel channel, SSLEngine engine, byte[] alreadyRead) {
    this.channel = channel;
    this.engine = engine;
    int packet = engine.getSession().getPacketBufferSize();
    netIn = ByteBuffer.allocate(Math.max(packet, alreadyRead.length));
    netIn.put(alreadyRead).flip();
    appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
  }

  /** Completes the handshake. */
  void handshake() throws IOException {
    engine.beginHandshake();
    handshaking = true;
    try {
      handshakeLoop();
    } finally {
      handshaking = false;
    }
  }

  private void handshakeLoop() throws IOException {
    while (true) {
      switch (engine.getHandshakeStatus()) {
        case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
          if (unwrap() < 0) {
            throw new EOFException("the program closed the connection during the TLS handshake");
          }
        }
        case NEED_WRAP -> wrap(ByteBuffer.allocate(0));
        case NEED_TASK -> runTasks();
        default -> {
          return; // FINISHED or NOT_HANDSHAKING
        }
      }
    }
  }

  InputStream in() {
    return ChannelStreams.input((b, off, len) -> {
      while (!appIn.hasRemaining()) {
        if (closedIn || unwrap() < 0) {
          return -1;
        }
      }
      int n = Math.min(len, appIn.remaining());
      appIn.get(b, off, n);
      return n;
    });
  }

  OutputStream out() {
    return ChannelStreams.output(this::wrap);
  }

  /** Sends close_notify: the program's reads end. */
  void closeOutbound() {
    engine.closeOutbound();
    try {
      while (!engine.isOutboundDone()) {
        wrap(ByteBuffer.allocate(0));
      }
    } catch (IOException e) {
      LOG.debug("the program went away before its TLS was closed: {}", e.toString());
    }
  }

  /** Decrypts what the channel has into appIn; reads more when needed. -1 at the end. */
  private int unwrap() throws IOException {
    appIn.compact();
    try {
      while (true) {
        SSLEngineResult r = engine.unwrap(netIn, appIn);
        switch (r.getStatus()) {
          case OK -> {
            SSLEngineResult.HandshakeStatus hs = r.getHandshakeStatus();
            if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
              runTasks();
            } else if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
              if (handshaking) {
                return 0; // the handshake loop wraps next
              }
              wrap(ByteBuffer.allocate(0)); // e.g. an answer to a key update
            } else if (hs == SSLEngineResult.HandshakeStatus.FINISHED) {
              return r.bytesProduced();
            }
            if (r.bytesProduced() > 0) {
              return r.bytesProduced();
            }
            SSLEngineResult.HandshakeStatus now = engine.getHandshakeStatus();
            if (handshaking
                && now != SSLEngineResult.HandshakeStatus.NEED_UNWRAP
                && now != SSLEngineResult.HandshakeStatus.NEED_UNWRAP_AGAIN) {
              return 0;
            }
          }
          case BUFFER_UNDERFLOW -> {
            if (!fill()) {
              return -1;
            }
          }
          case BUFFER_OVERFLOW -> {
            ByteBuffer bigger =
                ByteBuffer.allocate(
                    appIn.capacity() + engine.getSession().getApplicationBufferSize());
            appIn.flip();
            bigger.put(appIn);
            appIn = bigger;
          }
          case CLOSED -> {
            closedIn = true;
            return -1;
          }
        }
      }
    } finally {
      appIn.flip();
    }
  }

  /** Reads more ciphertext; false at the end of the stream. */
  private boolean fill() throws IOException {
    netIn.compact();
    if (!netIn.hasRemaining()) {
      ByteBuffer bigger = ByteBuffer.allocate(netIn.capacity() * 2);
      netIn.flip();
      bigger.put(netIn);
      netIn = bigger;
    }
    int n;
    try {
      n = channel.read(netIn);
    } finally {
      netIn.flip();
    }
    return n >= 0;
  }

  private void wrap(ByteBuffer src) throws IOException {
    synchronized (writing) {
      ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
      SSLEngineResult r = engine.wrap(src, out);
      if (r.getStatus() == SSLEngineResult.Status.CLOSED && r.bytesProduced() == 0) {
        if (src.hasRemaining()) {
          throw new SSLException("the TLS connection is closed");
        }
        return;
      }
      out.flip();
      while (out.hasRemaining()) {
        channel.write(out);
      }
      if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
        runTasks();
      }
    }
  }

  private void runTasks() {
    for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
      task.run();
    }
  }
}

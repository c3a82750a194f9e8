import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of PostgreSQL that counts what clients ask it to run, so a benchmark can report statements
 * per unit of work whatever the machine's load (PostgreSQL's own pg_stat_statements needs a server restart).
 * Reads the client-to-server half of the wire protocol: after the start-up packet every message is one type byte
 * and a length. Counts Execute ('E': one run of a prepared statement, e.g. one tuple of a batch), Parse ('P') and
 * simple Query ('Q'). Writes "executes parses queries syncs" to COUNTS_FILE every 200 ms.
 * Run with: java bench/webhook/PgStatementCounter.java LISTEN_PORT PG_HOST PG_PORT COUNTS_FILE
 */
public class PgStatementCounter {

    static final AtomicLong executes = new AtomicLong();
    static final AtomicLong parses = new AtomicLong();
    static final AtomicLong queries = new AtomicLong();
    static final AtomicLong syncs = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int listen = Integer.parseInt(args[0]);
        String pgHost = args[1];
        int pgPort = Integer.parseInt(args[2]);
        Path counts = Path.of(args[3]);
        Thread writer = new Thread(() -> {
            while (true) {
                try {
                    Files.writeString(counts, executes.get() + " " + parses.get() + " " + queries.get() + " "
                            + syncs.get() + "\n");
                    Thread.sleep(200);
                } catch (Exception e) {
                    return;
                }
            }
        });
        writer.setDaemon(true);
        writer.start();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", listen));
            while (true) {
                Socket client = server.accept();
                Socket upstream = new Socket(pgHost, pgPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                daemon(() -> countAndRelay(client, upstream));
                daemon(() -> relay(upstream, client));
            }
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
    }

    private static void countAndRelay(Socket client, Socket upstream) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(client.getInputStream(), 65536));
             OutputStream out = new java.io.BufferedOutputStream(upstream.getOutputStream(), 65536)) {
            // JDBC asks for TLS (or GSS) first; the server's one-byte "no" goes back through the other relay, and
            // the real start-up packet follows
            int code;
            do {
                int startLength = in.readInt();
                byte[] start = new byte[startLength - 4];
                in.readFully(start);
                code = startLength >= 8 ? ((start[0] & 0xff) << 24 | (start[1] & 0xff) << 16 | (start[2] & 0xff) << 8
                        | (start[3] & 0xff)) : 0;
                writeInt(out, startLength);
                out.write(start);
                out.flush();
            } while (code == 80877103 || code == 80877104);
            byte[] buffer = new byte[65536];
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                switch (type) {
                    case 'E' -> executes.incrementAndGet();
                    case 'P' -> parses.incrementAndGet();
                    case 'Q' -> queries.incrementAndGet();
                    case 'S' -> syncs.incrementAndGet();
                    default -> {
                    }
                }
                out.write(type);
                writeInt(out, length);
                for (int left = length - 4; left > 0; ) {
                    int n = in.read(buffer, 0, Math.min(left, buffer.length));
                    if (n < 0) {
                        return;
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // connection closed
        } finally {
            close(client);
            close(upstream);
        }
    }

    private static void relay(Socket from, Socket to) {
        byte[] buffer = new byte[65536];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // connection closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}

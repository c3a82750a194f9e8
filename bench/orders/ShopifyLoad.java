import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load for POST /webhooks/shopify: COUNT Shopify-shaped orders/paid deliveries at RATE per second, each
 * with its own order id and X-Shopify-Webhook-Id, signed with X-Shopify-Hmac-Sha256. Order i's billing phone is
 * +49 30 1PPPPPPP (PHONE_BASE + i) in national format, so the script decides which orders find a contact; every
 * tenth lands with the campaign's UTM parameters. Prints orders sent and acknowledged, the achieved rate, latency
 * percentiles, errors and its own CPU time during the load. FIRST (default 0) starts the order indexes there (a
 * warm-up uses indexes no measured order has); order i's phone is PHONE_BASE + i - FIRST.
 * <p>
 * The generator shares the machine with the services and PostgreSQL, so it is kept cheap: every request is built
 * and signed before the clock starts, and MAX_IN_FLIGHT threads each write requests on one kept-alive connection
 * and read the answers (plain HTTP/1.1 on a socket; the JDK's HttpClient cost about 1.4 ms of CPU per order, a
 * third of what the services and PostgreSQL spend). A delivery that finds every connection busy waits for one, as
 * it waited for a free slot before.
 * java bench/orders/ShopifyLoad.java URL SECRET RUN COUNT RATE PHONE_BASE [MAX_IN_FLIGHT] [FIRST]
 */
public class ShopifyLoad {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        String secret = args[1];
        long run = Long.parseLong(args[2]);
        int count = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        long phoneBase = Long.parseLong(args[5]);
        int maxInFlight = args.length > 6 ? Integer.parseInt(args[6]) : 64;
        int first = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String host = url.getHost() + ":" + url.getPort();
        byte[][] requests = new byte[count][];
        for (int n = 0; n < count; n++) {
            int i = first + n;
            byte[] body = order(run * 1_000_000 + i, phoneBase + n, i % 10 == 0).getBytes(StandardCharsets.UTF_8);
            String head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Type: application/json\r\nX-Shopify-Topic: orders/paid\r\nX-Shopify-Hmac-Sha256: "
                    + Base64.getEncoder().encodeToString(mac.doFinal(body)) + "\r\nX-Shopify-Webhook-Id: bench-" + run
                    + "-" + i + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + body.length);
            request.write(head.getBytes(StandardCharsets.US_ASCII));
            request.write(body);
            requests[n] = request.toByteArray();
        }

        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long[] latencies = new long[count];
        SynchronousQueue<Integer> due = new SynchronousQueue<>();
        Thread[] senders = new Thread[maxInFlight];
        for (int t = 0; t < maxInFlight; t++) {
            senders[t] = new Thread(() -> send(url, due, requests, latencies, acked, failed), "sender-" + t);
            senders[t].start();
        }
        long cpuBefore = cpuNanos();
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            long wait = start + (long) (n * 1e9 / rate) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            due.put(n);
        }
        for (int t = 0; t < maxInFlight; t++) {
            due.put(-1);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuBefore) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("orders sent %d%n", count);
        System.out.printf("orders acked %d (%.0f/s over %.1f s)%n", acked.get(), acked.get() / seconds, seconds);
        System.out.printf("errors %d%n", failed.get());
        System.out.printf("load generator CPU %.1f s (%.2f per 1,000 orders)%n", cpu, cpu * 1000 / count);
        System.out.printf("latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f%n", sorted[count / 2] / 1e6,
                sorted[(int) (count * 0.95)] / 1e6, sorted[(int) (count * 0.99)] / 1e6, sorted[count - 1] / 1e6);
    }

    /** One sender: takes the index of the next due request, writes it on its connection and reads the answer. */
    private static void send(URI url, SynchronousQueue<Integer> due, byte[][] requests, long[] latencies,
                             AtomicLong acked, AtomicLong failed) {
        Socket socket = null;
        InputStream in = null;
        try {
            for (int n = due.take(); n >= 0; n = due.take()) {
                long sentAt = System.nanoTime();
                int status;
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(30_000);
                        socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
                        in = new BufferedInputStream(socket.getInputStream(), 8192);
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(requests[n]);
                    out.flush();
                    status = readResponse(in);
                } catch (IOException e) {
                    status = -1;
                }
                latencies[n] = System.nanoTime() - sentAt;
                if (status == 200) {
                    acked.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                if (status < 0 && socket != null) {
                    close(socket);
                    socket = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (socket != null) {
                close(socket);
            }
        }
    }

    /**
     * Reads one HTTP/1.1 response (Content-Length or chunked body) and returns its status; -1 when the connection
     * cannot be used again (closed by the server, or a body this reader does not know how to end).
     */
    private static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else if (length >= 0) {
            skip(in, length);
        } else {
            return -1;
        }
        return close ? -1 : status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String order(long id, long phone, boolean withUtm) {
        String now = Instant.now().toString();
        String digits = String.valueOf(phone);
        String landing = withUtm ? "/products/led?utm_source=whatsapp&utm_medium=message&utm_campaign=Bench+sale"
                + "&utm_content=A" : "/";
        return "{\"id\":" + id + ",\"name\":\"#" + id + "\",\"currency\":\"USD\",\"total_price\":\"" + (20 + id % 180)
                + ".00\",\"financial_status\":\"paid\",\"created_at\":\"" + now + "\",\"processed_at\":\"" + now
                + "\",\"landing_site\":\"" + landing + "\",\"cancelled_at\":null,\"customer\":{\"id\":" + id
                + ",\"phone\":null},\"billing_address\":{\"phone\":\"030 " + digits.substring(4) + "\","
                + "\"country_code\":\"DE\"},\"shipping_address\":{\"phone\":null,\"country_code\":\"DE\"},"
                + "\"line_items\":[{\"title\":\"LED panel\",\"quantity\":1}]}";
    }
}

import com.sun.net.httpserver.HttpServer;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local stand-in for the WhatsApp Cloud API send endpoint for benchmarks: accepts every message and answers
 * Meta's response shape. Run with: java -Dsun.net.httpserver.nodelay=true bench/dispatch/FakeGraph.java PORT
 * (without nodelay the JDK server answers ~700 requests/s with 40 ms delayed-ACK stalls).
 */
public class FakeGraph {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        AtomicLong ids = new AtomicLong();
        String run = Long.toString(System.currentTimeMillis(), 36);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                    + "\"messages\":[{\"id\":\"wamid.BENCH" + run + "-" + ids.incrementAndGet()
                    + "\",\"message_status\":\"accepted\"}]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("fake Graph API on port " + port);
    }
}

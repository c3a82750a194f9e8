import com.sun.net.httpserver.HttpServer;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in OTLP/HTTP collector for benchmarks: accepts POST /v1/traces (protobuf) and answers 200 with an empty
 * ExportTraceServiceResponse, counting requests and bytes, so the services pay the full cost of exporting spans.
 *   java bench/otlp/OtlpSink.java PORT
 */
public class OtlpSink {

    public static void main(String[] args) throws Exception {
        AtomicLong requests = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 64);
        server.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                bytes.addAndGet(body.readAllBytes().length);
            }
            requests.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("otlp sink: " + requests.get()
                + " export requests, " + bytes.get() + " bytes")));
        Thread.currentThread().join();
    }
}

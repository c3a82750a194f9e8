import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop GET load at a fixed rate (requests are sent on schedule whatever the answers do, so a slow server
 * shows up as latency, not as a politely lower rate). Latency counts from the scheduled send time. Prints the rate
 * offered and answered (2xx), errors, latency percentiles, and the p90 of the run's first and last three seconds.
 * With -Dwarmup=S the same load runs S seconds first, unmeasured, in this JVM: a generator started cold runs its
 * HTTP client interpreted for its first seconds, falls behind the schedule and counts its own backlog as latency.
 *   java [-Dwarmup=S] bench/gateway/GatewayLoad.java URL RATE SECONDS [HEADER: value]...
 */
public class GatewayLoad {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET();
        for (int i = 3; i < args.length; i++) {
            int colon = args[i].indexOf(':');
            builder.header(args[i].substring(0, colon).trim(), args[i].substring(colon + 1).trim());
        }
        HttpRequest request = builder.build();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        int warmup = Integer.getInteger("warmup", 0);
        if (warmup > 0) {
            run(client, request, rate, warmup);
        }
        Result result = run(client, request, rate, seconds);
        long[] sorted = result.latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("offered %.0f/s for %.1f s; answered 2xx %d (%.0f/s); failed %d%s%n",
                result.latencies.length / result.elapsed, result.elapsed, result.ok, result.ok / result.elapsed,
                result.failed, result.failed > 0 ? " (first: HTTP " + result.firstFailure + ")" : "");
        System.out.printf("latency ms p50 %.2f p90 %.2f p99 %.2f max %.2f%n", pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
        int edge = Math.min(3 * rate, result.latencies.length);
        long[] first = Arrays.copyOf(result.latencies, edge);
        long[] last = Arrays.copyOfRange(result.latencies, result.latencies.length - edge, result.latencies.length);
        Arrays.sort(first);
        Arrays.sort(last);
        System.out.printf("p90 ms of the first 3 s %.2f, of the last 3 s %.2f%n", pct(first, 90), pct(last, 90));
    }

    private record Result(long[] latencies, long ok, long failed, long firstFailure, double elapsed) {
    }

    /** RATE requests a second for SECONDS; each latency is stored at its request's place in the schedule. */
    private static Result run(HttpClient client, HttpRequest request, int rate, int seconds) throws Exception {
        int maxInFlight = 256;
        Semaphore inFlight = new Semaphore(maxInFlight);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong firstFailure = new AtomicLong(-1);
        long total = (long) rate * seconds;
        long[] latencies = new long[(int) total];
        long start = System.nanoTime();
        for (long sent = 0; sent < total; sent++) {
            long due = start + (long) (sent * 1_000_000_000.0 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            inFlight.acquire();
            int index = (int) sent;
            client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
                latencies[index] = (System.nanoTime() - due) / 1000;
                if (error == null && response.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(-1, error == null ? response.statusCode() : 0);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(maxInFlight);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(latencies, ok.get(), failed.get(), firstFailure.get(), elapsed);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1000.0;
    }
}

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Two builds of the same endpoint, asked in turn (A then B, then B then A, ...), one request at a time, for SECONDS:
 * both see the same machine at the same moment, so a busy shared machine slows both alike instead of whichever ran
 * second. Prints p50/p90/p99 of each and the share of rounds in which B was faster.
 *
 *   java bench/metrics/AlternateLoad.java URL_A URL_B SECONDS
 */
public class AlternateLoad {
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest a = HttpRequest.newBuilder(URI.create(args[0])).timeout(Duration.ofSeconds(30)).GET().build();
        HttpRequest b = HttpRequest.newBuilder(URI.create(args[1])).timeout(Duration.ofSeconds(30)).GET().build();
        long end = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
        for (int i = 0; i < 20; i++) { // warm-up
            client.send(a, HttpResponse.BodyHandlers.ofByteArray());
            client.send(b, HttpResponse.BodyHandlers.ofByteArray());
        }
        List<Long> timesA = new ArrayList<>();
        List<Long> timesB = new ArrayList<>();
        int bFaster = 0;
        int errors = 0;
        for (int round = 0; System.nanoTime() < end; round++) {
            long ta;
            long tb;
            if (round % 2 == 0) {
                ta = time(client, a);
                tb = time(client, b);
            } else {
                tb = time(client, b);
                ta = time(client, a);
            }
            if (ta < 0 || tb < 0) {
                errors++;
                continue;
            }
            timesA.add(ta);
            timesB.add(tb);
            if (tb < ta) {
                bFaster++;
            }
        }
        System.out.printf("%d rounds, %d with an error; B faster in %.0f%% of rounds%n", timesA.size(), errors,
                100.0 * bFaster / Math.max(1, timesA.size()));
        print("A " + args[0], timesA);
        print("B " + args[1], timesB);
    }

    private static long time(HttpClient client, HttpRequest request) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode() == 200 ? System.nanoTime() - t0 : -1;
    }

    private static void print(String name, List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println(name + ": no answers");
            return;
        }
        System.out.printf("%s%n  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n", name, at(sorted, 0.50), at(sorted, 0.90),
                at(sorted, 0.99));
    }

    private static double at(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}

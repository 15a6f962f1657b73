package dev.dialtone.bench.drill;

import dev.dialtone.bench.BenchSupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a running Dialtone during a soak through {@code /actuator/prometheus}: every {@code every} seconds the
 * projection lag (p99 of signal stored → read models, over the last minutes), the live heap after the last GC and the
 * signals accepted per second; at the end the worst lag and whether the live heap stayed flat. Exits 1 when the lag
 * p99 went over {@code maxLagSeconds} or the live heap grew by more than {@code maxGrowth} (a fraction) from the first
 * to the last third of the run.
 * <p>
 * The first {@code warmup} seconds (a fresh JVM compiling its hot paths while the first agents are set up) are shown
 * but not judged, nor are samples taken before the first garbage collection.
 * <p>
 * Arguments: {@code url=http://localhost:18080 minutes=10 every=15 warmup=60 maxLagSeconds=2 maxGrowth=0.25}.
 */
public final class Watch {

    private static final Pattern LAG_P99 = Pattern.compile(
            "(?m)^dialtone_projections_lag_seconds\\{[^}]*quantile=\"0\\.99\"[^}]*} ([0-9.eE+-]+)");
    private static final Pattern LIVE = Pattern.compile("(?m)^jvm_gc_live_data_size_bytes\\{[^}]*} ([0-9.eE+-]+)");
    private static final Pattern HEAP = Pattern.compile(
            "(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+-]+)");
    private static final Pattern ACCEPTED = Pattern.compile(
            "(?m)^dialtone_ingest_signals_total\\{[^}]*result=\"accepted\"[^}]*} ([0-9.eE+-]+)");

    public static void main(String[] args) throws Exception {
        String url = BenchSupport.stringArg(args, "url", "http://localhost:18080");
        int minutes = Integer.parseInt(BenchSupport.stringArg(args, "minutes", "10"));
        int every = Integer.parseInt(BenchSupport.stringArg(args, "every", "15"));
        double maxLag = Double.parseDouble(BenchSupport.stringArg(args, "maxLagSeconds", "2"));
        double maxGrowth = Double.parseDouble(BenchSupport.stringArg(args, "maxGrowth", "0.25"));
        int warmup = Integer.parseInt(BenchSupport.stringArg(args, "warmup", "60"));
        HttpClient http = HttpClient.newHttpClient();
        List<Double> lags = new ArrayList<>();
        List<Double> live = new ArrayList<>();
        double previousAccepted = -1;
        long end = System.nanoTime() + Duration.ofMinutes(minutes).toNanos();
        int tick = 0;
        while (System.nanoTime() < end) {
            Thread.sleep(Duration.ofSeconds(every).toMillis());
            String metrics = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            double lag = max(LAG_P99, metrics);
            double liveBytes = sum(LIVE, metrics);
            double heap = sum(HEAP, metrics);
            double accepted = sum(ACCEPTED, metrics);
            tick += every;
            if (tick > warmup) {
                lags.add(lag);
                if (liveBytes > 0) {
                    live.add(liveBytes);
                }
            }
            System.out.printf("[%4d s] projection lag p99 %6.3f s | live heap after GC %6.1f MB | heap %6.1f MB | "
                    + "%,8.0f signals/s accepted%n", tick, lag, liveBytes / 1e6, heap / 1e6,
                    previousAccepted < 0 ? 0 : (accepted - previousAccepted) / every);
            previousAccepted = accepted;
        }
        double worstLag = lags.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (live.isEmpty()) {
            live.add(0.0);
        }
        int third = Math.max(1, live.size() / 3);
        double early = live.subList(0, third).stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double late = live.subList(live.size() - third, live.size()).stream().mapToDouble(Double::doubleValue)
                .average().orElse(0);
        double growth = early == 0 ? 0 : (late - early) / early;
        System.out.printf("after a %d s warm-up: worst projection lag p99 %.3f s (limit %.1f s); live heap %.1f MB "
                + "→ %.1f MB (%+.0f%%, limit %+.0f%%)%n", warmup, worstLag, maxLag, early / 1e6, late / 1e6,
                growth * 100, maxGrowth * 100);
        System.exit(worstLag <= maxLag && growth <= maxGrowth ? 0 : 1);
    }

    private static double max(Pattern pattern, String metrics) {
        double max = 0;
        Matcher m = pattern.matcher(metrics);
        while (m.find()) {
            max = Math.max(max, Double.parseDouble(m.group(1)));
        }
        return max;
    }

    private static double sum(Pattern pattern, String metrics) {
        double sum = 0;
        Matcher m = pattern.matcher(metrics);
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

}

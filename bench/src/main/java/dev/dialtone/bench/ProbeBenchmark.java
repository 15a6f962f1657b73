package dev.dialtone.bench;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.HdrHistogram.Histogram;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code probes} HTTP probes at one {@code interval} against a local peer: how regular the runs are (schedule
 * jitter: how far each gap between two runs of one probe is from the interval, measured where the peer sees them;
 * and how late runs start after their slot, from Dialtone's own {@code dialtone.probes.start.lag}) and the CPU the
 * process uses meanwhile.
 * <p>
 * Arguments: {@code probes=1000 agents=100 interval=10 warmup=30 seconds=120}.
 */
public final class ProbeBenchmark {

    public static void main(String[] args) throws Exception {
        int probes = BenchSupport.intArg(args, "probes", 1000);
        int agents = BenchSupport.intArg(args, "agents", 100);
        int interval = BenchSupport.intArg(args, "interval", 10);
        int warmup = BenchSupport.intArg(args, "warmup", 30);
        int seconds = BenchSupport.intArg(args, "seconds", 120);
        Map<String, AtomicLong> lastSeen = new ConcurrentHashMap<>();
        Histogram gaps = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        AtomicLong measuring = new AtomicLong(Long.MAX_VALUE);
        HttpServer peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        peer.setExecutor(Executors.newFixedThreadPool(4));
        peer.createContext("/", exchange -> {
            long now = System.nanoTime();
            AtomicLong previous = lastSeen.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicLong());
            long before = previous.getAndSet(now);
            if (before != 0 && now > measuring.get()) {
                long gapMicros = (now - before) / 1000;
                synchronized (gaps) {
                    gaps.recordValue(Math.abs(gapMicros - TimeUnit.SECONDS.toMicros(interval)));
                }
            }
            byte[] ok = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        peer.start();
        try (ConfigurableApplicationContext app = BenchSupport.start(Files.createTempDirectory("dialtone-probe-bench-"),
                "--logging.level.dev.dialtone.api.probe=WARN")) {
            String base = BenchSupport.baseUrl(app);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int a = 0; a < agents; a++) {
                BenchSupport.send(http, "PUT", base + "/api/v1/agents/probed-" + a, """
                        {"name": "Probed %d"}""".formatted(a));
            }
            for (int p = 0; p < probes; p++) {
                BenchSupport.send(http, "PUT", base + "/api/v1/agents/probed-" + (p % agents) + "/probes/p" + p, """
                        {"kind": "http", "interval": "PT%dS", "timeout": "PT5S",
                         "http": {"url": "http://127.0.0.1:%d/p%d"}}""".formatted(interval, peer.getAddress()
                        .getPort(), p));
            }
            System.out.printf("Dialtone probe benchmark: %,d HTTP probes every %d s over %d agents; warming up %d s%n",
                    probes, interval, agents, warmup);
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            Timer lag = meters.get("dialtone.probes.start.lag").timer();
            long lagCount = lag.count();
            double lagTotal = lag.totalTime(TimeUnit.MILLISECONDS);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            measuring.set(wallBefore);
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            long runs = lag.count() - lagCount;
            System.out.printf("runs: %,d in %.0f s = %.1f/s (expected %.1f/s)%n", runs, wall, runs / wall,
                    probes / (double) interval);
            synchronized (gaps) {
                System.out.printf("gap jitter |gap - %d s| per probe: p50 %.0f ms  p99 %.0f ms  max %.0f ms (%,d gaps)%n",
                        interval, gaps.getValueAtPercentile(50) / 1000.0, gaps.getValueAtPercentile(99) / 1000.0,
                        gaps.getMaxValue() / 1000.0, gaps.getTotalCount());
            }
            System.out.printf("start lag after slot: mean %.0f ms; %s%n", (lag.totalTime(TimeUnit.MILLISECONDS)
                    - lagTotal) / Math.max(1, runs), percentiles(lag));
            System.out.printf("CPU: %.1f s of CPU in %.0f s = %.0f%% of one core, %.0f%% of the %d cores (process, "
                    + "peer included)%n", cpuSeconds, wall, 100 * cpuSeconds / wall,
                    100 * cpuSeconds / wall / os.getAvailableProcessors(), os.getAvailableProcessors());
        } finally {
            peer.stop(0);
        }
        System.exit(0);
    }

    private static String percentiles(Timer lag) {
        StringBuilder text = new StringBuilder("recent");
        for (var value : lag.takeSnapshot().percentileValues()) {
            text.append(String.format(" p%.0f %.0f ms", value.percentile() * 100, value.value(TimeUnit.MILLISECONDS)));
        }
        return text.toString();
    }
}

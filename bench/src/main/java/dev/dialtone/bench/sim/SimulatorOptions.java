package dev.dialtone.bench.sim;

import dev.dialtone.bench.BenchSupport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's {@code name=value} arguments, checked before anything is sent: a drill that starts with a typo
 * would otherwise measure the wrong thing for minutes.
 */
record SimulatorOptions(URI url, String key, int agents, Double rate, int seconds, double speed, int clients,
                        int probeInterval, FaultSchedule faults, long seed, Path ledger, boolean setup, String prefix,
                        URI policyWebhook, boolean embedded, int batch, String runId, double badRate) {

    /** The benchmarks' operator key, which an embedded Dialtone is started with. */
    static final String BENCH_KEY = BenchSupport.KEY;

    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("url", "http://localhost:8080");
        d.put("key", BENCH_KEY);
        d.put("agents", "20");
        d.put("rate", "");
        d.put("seconds", "60");
        d.put("speed", "1");
        d.put("clients", "4");
        d.put("probeInterval", "30");
        d.put("faults", "");
        d.put("seed", "1");
        d.put("ledger", "");
        d.put("setup", "true");
        d.put("prefix", "sim");
        d.put("policyWebhook", "");
        d.put("embedded", "false");
        d.put("batch", "500");
        d.put("runId", "");
        d.put("badRate", "0.03");
        return Map.copyOf(d);
    }

    static final List<String> NAMES = List.of("url", "key", "agents", "rate", "seconds", "speed", "clients",
            "probeInterval", "faults", "seed", "ledger", "setup", "prefix", "policyWebhook", "embedded", "batch",
            "runId", "badRate");

    static SimulatorOptions parse(String[] args, Instant now) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("argument '" + arg + "' is not name=value");
            }
            String name = arg.substring(0, eq);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown argument '" + name + "'; known: "
                        + String.join(", ", NAMES));
            }
            given.put(name, arg.substring(eq + 1));
        }
        Map<String, String> v = new LinkedHashMap<>(DEFAULTS);
        v.putAll(given);
        int agents = intBetween(v, "agents", 1, 100_000);
        String rateText = v.get("rate");
        Double rate = rateText.isBlank() ? null : doubleAtLeast(v, "rate", 0.001);
        int seconds = intBetween(v, "seconds", 1, 30 * 24 * 3600);
        double speed = doubleAtLeast(v, "speed", 1);
        String prefix = v.get("prefix");
        if (!prefix.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("prefix=" + prefix + ": must be a slug start (lowercase letters,"
                    + " digits, '-'), at most 41 characters");
        }
        String runId = v.get("runId").isBlank() ? "r" + Long.toString(now.getEpochSecond(), 36) : v.get("runId");
        if (!runId.matches("[A-Za-z0-9._-]{1,60}")) {
            throw new IllegalArgumentException("runId=" + runId + ": use letters, digits, '.', '_' or '-' (1-60)");
        }
        boolean embedded = bool(v, "embedded");
        if (embedded && (given.containsKey("url") || given.containsKey("key"))) {
            throw new IllegalArgumentException("embedded=true starts its own Dialtone: leave out url and key");
        }
        int probeInterval = intBetween(v, "probeInterval", 0, 24 * 3600);
        double probesPerSecond = probeInterval == 0 ? 0 : agents * speed / probeInterval;
        if (rate != null && rate <= probesPerSecond) {
            throw new IllegalArgumentException("rate=" + rateText + ": the health checks alone are "
                    + String.format("%.1f", probesPerSecond) + "/s (agents x speed / probeInterval);"
                    + " ask for more, or raise probeInterval");
        }
        return new SimulatorOptions(uri(v, "url"), v.get("key"), agents, rate, seconds, speed,
                intBetween(v, "clients", 1, 256), probeInterval,
                faults(v.get("faults"), agents), longValue(v, "seed"),
                v.get("ledger").isBlank() ? null : Path.of(v.get("ledger")), bool(v, "setup"), prefix,
                v.get("policyWebhook").isBlank() ? null : uri(v, "policyWebhook"), embedded,
                intBetween(v, "batch", 1, 1000), runId, badRate(v));
    }

    private static double badRate(Map<String, String> v) {
        double value = doubleAtLeast(v, "badRate", 0);
        if (value > 0.5) {
            throw new IllegalArgumentException("badRate=" + v.get("badRate") + ": at most 0.5 (a healthy line)");
        }
        return value;
    }

    SimulatorOptions withServer(URI url, String key) {
        return new SimulatorOptions(url, key, agents, rate, seconds, speed, clients, probeInterval, faults, seed,
                ledger, setup, prefix, policyWebhook, embedded, batch, runId, badRate);
    }

    /** Health checks per wall second across all agents (probes run on simulated time, so speed multiplies them). */
    double probesPerSecond() {
        return probeInterval == 0 ? 0 : agents * speed / probeInterval;
    }

    private static FaultSchedule faults(String spec, int agents) {
        return FaultSchedule.parse(spec, agents);
    }

    private static int intBetween(Map<String, String> v, String name, int min, int max) {
        String text = v.get(name);
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + "=" + text + ": must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + text + ": not a whole number");
        }
    }

    private static double doubleAtLeast(Map<String, String> v, String name, double min) {
        String text = v.get(name);
        try {
            double value = Double.parseDouble(text.trim());
            if (!(value >= min) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(name + "=" + text + ": must be a number of at least " + min);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + text + ": not a number");
        }
    }

    private static long longValue(Map<String, String> v, String name) {
        try {
            return Long.parseLong(v.get(name).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + v.get(name) + ": not a whole number");
        }
    }

    private static boolean bool(Map<String, String> v, String name) {
        String text = v.get(name);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(name + "=" + text + ": must be true or false");
        }
        return Boolean.parseBoolean(text);
    }

    private static URI uri(Map<String, String> v, String name) {
        String text = v.get(name);
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException(name + "=" + text + ": must be an absolute http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(name + "=") ? e
                    : new IllegalArgumentException(name + "=" + text + ": must be an absolute http(s) URL");
        }
    }
}

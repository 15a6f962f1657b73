package dev.dialtone.domain.detection;

import dev.dialtone.domain.agent.api.AgentConfiguration;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.agent.api.MaintenanceWindow;
import dev.dialtone.domain.incident.api.Evidence;
import dev.dialtone.domain.incident.api.IncidentKind;
import dev.dialtone.domain.incident.api.Severity;
import dev.dialtone.domain.signal.api.SignalKind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of an {@link AgentMonitor}'s state (its configuration is stored beside it), so detection can
 * persist it with the event processor's token in one transaction and carry on after a restart, or on another node,
 * exactly where it stopped. Burn-rate slots are written sparsely.
 */
public final class AgentMonitorCodec {

    private static final int VERSION = 2;

    private AgentMonitorCodec() {
    }

    public static byte[] encode(AgentMonitor monitor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(monitor.incidentCount);
            writeOutage(out, monitor.outage);
            DegradationDetector d = monitor.degradation;
            out.writeBoolean(d.degraded());
            out.writeDouble(d.riseStatistic());
            out.writeDouble(d.fallStatistic());
            writeInstant(out, d.riseStart());
            writeInstant(out, d.fallStart());
            writeInstant(out, d.startedAt());
            writeInstant(out, d.recoveredAt());
            out.writeBoolean(monitor.degradationPending);
            writeRing(out, monitor.burn.fine);
            writeRing(out, monitor.burn.medium);
            writeRing(out, monitor.burn.coarse);
            out.writeLong(monitor.burn.firstCall);
            writeInstant(out, monitor.burnStartedAt);
            writeInstant(out, monitor.burnEndedAt);
            out.writeBoolean(monitor.burnHeld);
            writeInstant(out, monitor.lastActivityAt);
            out.writeBoolean(monitor.silent);
            writeInstant(out, monitor.silenceDetectedAt);
            writeInstant(out, monitor.silenceStartedAt);
            writeInstant(out, monitor.silenceEndedAt);
            writeInstant(out, monitor.silenceCheckDue);
            out.writeInt(monitor.maintenance.size());
            for (MaintenanceWindow w : monitor.maintenance.values()) {
                out.writeUTF(w.windowId());
                writeInstant(out, w.from());
                writeInstant(out, w.to());
                writeString(out, w.reason());
            }
            out.writeInt(monitor.open.size());
            for (Map.Entry<IncidentKind, AgentMonitor.OpenIncident> e : monitor.open.entrySet()) {
                out.writeByte(e.getKey().ordinal());
                out.writeUTF(e.getValue().incidentId);
                out.writeByte(e.getValue().severity.ordinal());
                out.writeBoolean(e.getValue().recoveryNoted);
                out.writeInt(e.getValue().attached);
            }
            out.writeInt(monitor.lastResolved.size());
            for (Map.Entry<IncidentKind, AgentMonitor.ResolvedIncident> e : monitor.lastResolved.entrySet()) {
                out.writeByte(e.getKey().ordinal());
                out.writeUTF(e.getValue().incidentId());
                writeInstant(out, e.getValue().resolvedAt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static AgentMonitor decode(AgentId agentId, AgentConfiguration configuration, byte[] data) {
        AgentMonitor monitor = new AgentMonitor(agentId, configuration, null);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readByte();
            if (version != VERSION) {
                throw new IllegalStateException("unknown detector state version " + version);
            }
            monitor.incidentCount = in.readInt();
            readOutage(in, monitor.outage);
            boolean degraded = in.readBoolean();
            double rise = in.readDouble();
            double fall = in.readDouble();
            monitor.degradation.restore(degraded, rise, fall, readInstant(in), readInstant(in), readInstant(in),
                    readInstant(in));
            monitor.degradationPending = in.readBoolean();
            readRing(in, monitor.burn.fine);
            readRing(in, monitor.burn.medium);
            readRing(in, monitor.burn.coarse);
            monitor.burn.firstCall = in.readLong();
            monitor.burnStartedAt = readInstant(in);
            monitor.burnEndedAt = readInstant(in);
            monitor.burnHeld = in.readBoolean();
            monitor.lastActivityAt = readInstant(in);
            monitor.silent = in.readBoolean();
            monitor.silenceDetectedAt = readInstant(in);
            monitor.silenceStartedAt = readInstant(in);
            monitor.silenceEndedAt = readInstant(in);
            monitor.silenceCheckDue = readInstant(in);
            for (int i = in.readInt(); i > 0; i--) {
                MaintenanceWindow w = new MaintenanceWindow(in.readUTF(), readInstant(in), readInstant(in),
                        readString(in));
                monitor.maintenance.put(w.windowId(), w);
            }
            for (int i = in.readInt(); i > 0; i--) {
                IncidentKind kind = IncidentKind.values()[in.readByte()];
                AgentMonitor.OpenIncident open = new AgentMonitor.OpenIncident(in.readUTF(),
                        Severity.values()[in.readByte()]);
                open.recoveryNoted = in.readBoolean();
                open.attached = in.readInt();
                monitor.open.put(kind, open);
            }
            for (int i = in.readInt(); i > 0; i--) {
                IncidentKind kind = IncidentKind.values()[in.readByte()];
                monitor.lastResolved.put(kind, new AgentMonitor.ResolvedIncident(in.readUTF(), readInstant(in)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return monitor;
    }

    private static void writeOutage(DataOutputStream out, OutageDetector outage) throws IOException {
        out.writeInt(outage.checks().size());
        for (Map.Entry<String, OutageDetector.Run> e : outage.checks().entrySet()) {
            out.writeUTF(e.getKey());
            writeRun(out, e.getValue());
        }
        writeRun(out, outage.calls());
        writeInstant(out, outage.startedAt());
        writeInstant(out, outage.recoveredAt());
        writeEvidence(out, outage.evidence());
    }

    private static void readOutage(DataInputStream in, OutageDetector outage) throws IOException {
        for (int i = in.readInt(); i > 0; i--) {
            String check = in.readUTF();
            readRun(in, outage.checks().computeIfAbsent(check, c -> new OutageDetector.Run()));
        }
        readRun(in, outage.calls());
        outage.restore(readInstant(in), readInstant(in), readEvidence(in));
    }

    private static void writeRun(DataOutputStream out, OutageDetector.Run run) throws IOException {
        writeInstant(out, run.lastAt);
        out.writeInt(run.failures);
        writeInstant(out, run.failureStart);
        out.writeInt(run.successes);
        writeInstant(out, run.successStart);
        out.writeBoolean(run.failing);
        writeEvidence(out, run.trail.snapshot());
    }

    private static void readRun(DataInputStream in, OutageDetector.Run run) throws IOException {
        run.lastAt = readInstant(in);
        run.failures = in.readInt();
        run.failureStart = readInstant(in);
        run.successes = in.readInt();
        run.successStart = readInstant(in);
        run.failing = in.readBoolean();
        run.trail.restore(readEvidence(in));
    }

    /**
     * Slots newest first as runs of equal (good, bad) counts: {@code varint run length, varint good, varint bad}.
     * Steady traffic and long quiet spells collapse into a few bytes.
     */
    private static void writeRing(DataOutputStream out, SlotRing ring) throws IOException {
        out.writeLong(ring.head());
        if (ring.head() != Long.MIN_VALUE) {
            ring.writeRuns((run, good, bad) -> {
                writeVarint(out, run);
                writeVarint(out, good);
                writeVarint(out, bad);
            });
        }
    }

    private static void readRing(DataInputStream in, SlotRing ring) throws IOException {
        long head = in.readLong();
        ring.restoreHead(head);
        if (head == Long.MIN_VALUE) {
            return;
        }
        int age = 0;
        while (age < ring.size()) {
            int run = readVarint(in);
            int good = readVarint(in);
            int bad = readVarint(in);
            if (good != 0 || bad != 0) {
                for (int i = 0; i < run; i++) {
                    ring.restore(head, age + i, good, bad);
                }
            }
            age += run;
        }
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7f) != 0) {
            out.writeByte((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed varint in detector state");
    }

    private static void writeEvidence(DataOutputStream out, List<Evidence> evidence) throws IOException {
        out.writeByte(evidence.size());
        for (Evidence e : evidence) {
            writeString(out, e.signalId());
            out.writeByte(e.kind() == null ? -1 : e.kind().ordinal());
            writeInstant(out, e.occurredAt());
            writeString(out, e.summary());
        }
    }

    private static List<Evidence> readEvidence(DataInputStream in) throws IOException {
        List<Evidence> evidence = new ArrayList<>();
        for (int i = in.readByte(); i > 0; i--) {
            String signalId = readString(in);
            int kind = in.readByte();
            evidence.add(new Evidence(signalId, kind < 0 ? null : SignalKind.values()[kind], readInstant(in),
                    readString(in)));
        }
        return evidence;
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeBoolean(instant != null);
        if (instant != null) {
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        }
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value.length() > 2000 ? value.substring(0, 2000) : value);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}

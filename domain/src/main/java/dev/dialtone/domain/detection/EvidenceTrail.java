package dev.dialtone.domain.detection;

import dev.dialtone.domain.incident.api.Evidence;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent facts of a run, bounded so a long run does not grow an incident without end. */
final class EvidenceTrail {

    static final int MAX = 10;

    private final Deque<Evidence> items = new ArrayDeque<>();

    void add(Evidence evidence) {
        if (items.size() == MAX) {
            items.removeFirst();
        }
        items.addLast(evidence);
    }

    void clear() {
        items.clear();
    }

    List<Evidence> snapshot() {
        return List.copyOf(items);
    }

    void restore(List<Evidence> evidence) {
        items.clear();
        evidence.forEach(this::add);
    }
}

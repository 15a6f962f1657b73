package dev.dialtone.api.signal;

import dev.dialtone.api.web.FieldError;
import dev.dialtone.api.web.InvalidRequestException;
import dev.dialtone.domain.agent.api.AgentId;
import dev.dialtone.domain.signal.api.AgentSignal;

import java.util.List;

/**
 * A parsed signal request. Index {@code i} of {@code signals} and {@code agentIds} is item {@code i} of the body;
 * an entry is null where the item was invalid. A batch is stored only if it has no errors at all.
 */
record SignalBatch(boolean array, List<AgentSignal> signals, List<AgentId> agentIds, List<FieldError> errors) {

    /** The path of a field of item {@code index}, as the client sent it: {@code [3].agentId} or {@code agentId}. */
    String pathOf(int index, String field) {
        return array ? "[" + index + "]." + field : field;
    }

    void reject(int index, String field, String message) {
        errors.add(new FieldError(pathOf(index, field), message));
    }

    List<AgentSignal> validSignals() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.stream()
                    .sorted(java.util.Comparator.comparingInt(SignalBatch::itemIndex))
                    .toList());
        }
        return signals;
    }

    private static int itemIndex(FieldError error) {
        String field = error.field();
        if (!field.startsWith("[")) {
            return 0;
        }
        return Integer.parseInt(field.substring(1, field.indexOf(']')));
    }
}

package dev.dialtone.api.admin;

import java.time.Instant;

/**
 * Where a projection rebuild stands.
 *
 * @param targetPosition the event store's head when the rebuild began: the rebuild is done when every segment of
 *                       the projections processor has passed it
 * @param position       the lowest position the projections processor has reached
 */
public record RebuildStatus(State state, Instant startedAt, Instant finishedAt, long targetPosition, long position) {

    public enum State { NEVER_RUN, RUNNING, DONE }

    static RebuildStatus never() {
        return new RebuildStatus(State.NEVER_RUN, null, null, -1, -1);
    }

    static RebuildStatus running(Instant startedAt, long targetPosition) {
        return new RebuildStatus(State.RUNNING, startedAt, null, targetPosition, -1);
    }

    RebuildStatus at(long reached, Instant finished) {
        return new RebuildStatus(finished == null ? State.RUNNING : State.DONE, startedAt, finished, targetPosition,
                Math.max(position, reached));
    }

    /** Share of the events replayed, 0 to 1; 1 once done, 0 before any rebuild. */
    public double progress() {
        if (state == State.DONE) {
            return 1;
        }
        if (state == State.NEVER_RUN || targetPosition < 0) {
            return state == State.RUNNING ? 1 : 0;
        }
        return Math.max(0, Math.min(1, (position + 1) / (double) (targetPosition + 1)));
    }
}

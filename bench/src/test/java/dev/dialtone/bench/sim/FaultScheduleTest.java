package dev.dialtone.bench.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultScheduleTest {

    @Test
    void readsKindStartDurationAndAgents() {
        FaultSchedule schedule = FaultSchedule.parse("outage@10+15:3,spike10@5+5,drop15@0+60:0-9,silence@20+5:all", 20);

        assertThat(schedule.faults()).extracting(Fault::kind, Fault::startSecond, Fault::durationSeconds,
                        Fault::firstAgent, Fault::lastAgent)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FaultKind.OUTAGE, 10, 15, 3, 3),
                        org.assertj.core.groups.Tuple.tuple(FaultKind.SPIKE10, 5, 5, 0, 0),
                        org.assertj.core.groups.Tuple.tuple(FaultKind.DROP15, 0, 60, 0, 9),
                        org.assertj.core.groups.Tuple.tuple(FaultKind.SILENCE, 20, 5, 0, 19));
        assertThat(schedule.faults().get(0)).hasToString("outage@10+15:3");
    }

    @Test
    void emptyMeansNoFaults() {
        assertThat(FaultSchedule.parse("", 5).isEmpty()).isTrue();
        assertThat(FaultSchedule.parse(null, 5).isEmpty()).isTrue();
    }

    @Test
    void appliesOnlyToItsAgentsAndOnlyWhileItLasts() {
        FaultSchedule schedule = FaultSchedule.parse("outage@10+15:3", 20);

        assertThat(schedule.stateFor(3, 9.99)).isEqualTo(FaultState.NORMAL);
        assertThat(schedule.stateFor(3, 10).outage()).isTrue();
        assertThat(schedule.stateFor(3, 24.99).outage()).isTrue();
        assertThat(schedule.stateFor(3, 25)).isEqualTo(FaultState.NORMAL);
        assertThat(schedule.stateFor(2, 12)).isEqualTo(FaultState.NORMAL);
        assertThat(schedule.activeAt(12)).hasSize(1);
        assertThat(schedule.activeAt(30)).isEmpty();
    }

    @Test
    void overlappingFaultsAddUp() {
        FaultSchedule schedule = FaultSchedule.parse("spike2@0+10:all,spike10@0+10:1,transfer-fail@0+10:1", 3);

        FaultState state = schedule.stateFor(1, 5);
        assertThat(state.rateMultiplier()).isEqualTo(20);
        assertThat(state.transfersFail()).isTrue();
        assertThat(schedule.stateFor(0, 5).rateMultiplier()).isEqualTo(2);
    }

    @Test
    void outagesTakeTurnsAtTheirCause() {
        FaultSchedule schedule = FaultSchedule.parse("outage@0+5,drop15@0+5,outage@10+5,outage@20+5,outage@30+5", 1);

        assertThat(schedule.faults()).extracting(Fault::cause).containsExactly("pipeline-error-openai-llm-failed",
                null, "twilio-error", "pipeline-error-eleven-labs-voice-failed", "pipeline-error-openai-llm-failed");
    }

    @Test
    void anUnknownKindIsNamedWithTheKindsThereAre() {
        assertThatThrownBy(() -> FaultSchedule.parse("outage@1+2,outtage@10+15:3", 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("item 2 'outtage@10+15:3'")
                .hasMessageContaining("unknown kind 'outtage'")
                .hasMessageContaining("outage, drop15, transfer-fail, silence, spike2, spike10");
    }

    @Test
    void malformedItemsSayWhatIsMissing() {
        assertThatThrownBy(() -> FaultSchedule.parse("outage10+15", 20)).hasMessageContaining("no '@'")
                .hasMessageContaining("e.g. outage@10+15:3");
        assertThatThrownBy(() -> FaultSchedule.parse("outage@10", 20)).hasMessageContaining("no '+'");
        assertThatThrownBy(() -> FaultSchedule.parse("outage@ten+15", 20))
                .hasMessageContaining("start second 'ten' is not a whole number");
        assertThatThrownBy(() -> FaultSchedule.parse("outage@10+-5", 20))
                .hasMessageContaining("duration '-5' is not a whole number");
        assertThatThrownBy(() -> FaultSchedule.parse("outage@10+0", 20)).hasMessageContaining("at least 1 second");
        assertThatThrownBy(() -> FaultSchedule.parse("outage@10+5,", 20)).hasMessageContaining("item 2 '': is empty");
    }

    @Test
    void agentsMustExistAndRangesRunForwards() {
        assertThatThrownBy(() -> FaultSchedule.parse("outage@10+15:20", 20))
                .hasMessageContaining("agent 20 does not exist: the run has 20 agents, 0-19");
        assertThatThrownBy(() -> FaultSchedule.parse("outage@10+15:9-3", 20))
                .hasMessageContaining("runs backwards; write 3-9");
        assertThatThrownBy(() -> FaultSchedule.parse("outage@10+15:some", 20))
                .hasMessageContaining("neither an index, a range like 0-9, nor 'all'");
        assertThatThrownBy(() -> FaultSchedule.parse("outage@10+15:5-99999999999", 20))
                .hasMessageContaining("does not exist");
    }
}

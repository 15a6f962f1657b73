package dev.dialtone.api.probe;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.dialtone.api.config.DialtoneProperties;
import dev.dialtone.integrations.probe.HttpProbe;
import dev.dialtone.integrations.probe.SipOptionsProber;
import dev.dialtone.integrations.probe.StatuspageProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import java.time.Duration;
import java.time.Instant;

/**
 * The probe task: one db-scheduler instance per probe ({@code <agentId>/<probeId>}), so each probe runs once per
 * interval across all nodes, survives restarts, and a run that hangs holds up only itself. A run reschedules itself
 * to its next slot; a failed run too. The probe clients are made once per process.
 */
@Configuration(proxyBeanMethods = false)
public class ProbeTasks {

    public static final String TASK = "probe-run";
    private static final Logger log = LoggerFactory.getLogger(ProbeTasks.class);

    @Bean
    public HttpProbe httpProbe() {
        return new HttpProbe();
    }

    @Bean
    public StatuspageProbe statuspageProbe() {
        return new StatuspageProbe();
    }

    /** Binds SIP ports: made on the first SIP probe run, not at startup. */
    @Bean(destroyMethod = "close")
    @Lazy
    public SipOptionsProber sipOptionsProber(DialtoneProperties properties) {
        return new SipOptionsProber(properties.probes().sipLocalAddress(), Duration.ofSeconds(5));
    }

    @Bean
    public CustomTask<String> probeTask(ProbeRunner runner) {
        return Tasks.custom(TASK, String.class)
                .onFailure((complete, operations) -> {
                    String key = complete.getExecution().taskInstance.getId();
                    log.warn("Probe {} run failed: {}", key, complete.getCause().map(Throwable::toString).orElse("?"));
                    runner.nextAfter(key).ifPresentOrElse(next -> operations.reschedule(complete, next),
                            operations::remove);
                })
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    Instant slot = context.getExecution().executionTime;
                    return runner.run(instance.getId(), slot)
                            .<CompletionHandler<String>>map(next -> (complete, operations) ->
                                    operations.reschedule(complete, next))
                            .orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
    }
}

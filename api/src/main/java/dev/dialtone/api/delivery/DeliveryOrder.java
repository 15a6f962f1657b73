package dev.dialtone.api.delivery;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;

/**
 * Keeps one incident's messages to one channel in the order they were decided: a PagerDuty {@code resolve} must not
 * overtake the {@code trigger} it ends, or the alert stays open for ever. A notification whose incident still has an
 * earlier one of the same task waiting (a retry, or a crash) defers itself until that one is through. Notification
 * ids are {@code <incidentId>/n<sequence>}, which is also the task instance id.
 */
public final class DeliveryOrder {

    static final Duration DEFER = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;

    public DeliveryOrder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether an earlier notification of the same incident is still waiting in {@code taskName}. */
    public boolean earlierPending(String taskName, String notificationId) {
        int slash = notificationId.lastIndexOf("/n");
        if (slash < 0) {
            return false;
        }
        String incident = notificationId.substring(0, slash);
        long sequence = sequence(notificationId);
        return jdbc.queryForList("SELECT task_instance FROM scheduled_tasks WHERE task_name = ? AND task_instance"
                        + " LIKE ? ESCAPE '!'", String.class, taskName, like(incident) + "/n%")
                .stream()
                .filter(id -> id.substring(0, id.lastIndexOf("/n")).equals(incident))
                .anyMatch(id -> sequence(id) < sequence);
    }

    /** Try again shortly, without counting an attempt. */
    public static <T> CompletionHandler<T> defer() {
        return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(DEFER));
    }

    private static long sequence(String notificationId) {
        try {
            return Long.parseLong(notificationId.substring(notificationId.lastIndexOf("/n") + 2));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String like(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}

package dev.dialtone.api.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a delivery task needs, as JSON in the task's data column (readable in the database while it waits). */
public final class DeliveryJobs {

    private DeliveryJobs() {
    }

    /** A notification to a webhook target. */
    record NotificationJob(String notificationId, String incidentId, String agentId, String type, String url,
                           String secret, int level, int round, String kind, String severity, String summary,
                           String runbookId) {
    }

    /**
     * A notification to a PagerDuty or Slack target: what it says is read from the incident when it is sent.
     *
     * @param address the routing key, or the Slack channel or user
     */
    public record TargetJob(String notificationId, String incidentId, String type, String address) {
    }

    /** A failover request to an agent's failover target. */
    record FailoverJob(String requestId, String incidentId, String agentId, String action, String url,
                       String backupNumber) {
    }

    public static String write(ObjectMapper mapper, Object job) {
        try {
            return mapper.writeValueAsString(job);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialize " + job.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(ObjectMapper mapper, String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt " + type.getSimpleName() + " task data", e);
        }
    }
}

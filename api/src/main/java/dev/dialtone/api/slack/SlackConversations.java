package dev.dialtone.api.slack;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the bot has put in Slack per incident ({@code slack_conversation}, {@code slack_card}), updated after each
 * message so that a retry, a restart or another node continues where the last one stopped. One incident is worked on
 * by one task at a time, under a PostgreSQL advisory lock held by a dedicated connection: a crash releases it.
 */
@Component
public class SlackConversations {

    private final JdbcTemplate jdbc;

    public SlackConversations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One incident's state in Slack. */
    public record Conversation(String incidentId, String channelId, String channelName, int stepsPosted,
                               String cardDigest, boolean gaveUp) {
    }

    /** One card message to keep current. */
    public record Card(String channelId, String ts) {
    }

    /**
     * Runs {@code work} holding the incident's lock; returns {@code null} without running it when another task
     * holds the lock.
     */
    public <T> T withLock(String incidentId, Supplier<T> work) {
        return jdbc.execute((ConnectionCallback<T>) connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT pg_try_advisory_lock(hashtext(?))")) {
                lock.setString(1, "slack:" + incidentId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return null;
                    }
                }
            }
            try {
                return work.get();
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement(
                        "SELECT pg_advisory_unlock(hashtext(?))")) {
                    unlock.setString(1, "slack:" + incidentId);
                    unlock.execute();
                }
            }
        });
    }

    public Conversation get(String incidentId) {
        jdbc.update("INSERT INTO slack_conversation (incident_id, updated_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                incidentId, now());
        return jdbc.queryForObject("SELECT incident_id, channel_id, channel_name, steps_posted, card_digest, gave_up"
                        + " FROM slack_conversation WHERE incident_id = ?",
                (rs, row) -> new Conversation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getBoolean(6)), incidentId);
    }

    public void channelOpened(String incidentId, String channelId, String channelName) {
        jdbc.update("UPDATE slack_conversation SET channel_id = ?, channel_name = ?, updated_at = ?"
                + " WHERE incident_id = ?", channelId, channelName, now(), incidentId);
    }

    public void stepsPosted(String incidentId, int steps) {
        jdbc.update("UPDATE slack_conversation SET steps_posted = ?, updated_at = ? WHERE incident_id = ?", steps,
                now(), incidentId);
    }

    public void cardsCurrent(String incidentId, String digest) {
        jdbc.update("UPDATE slack_conversation SET card_digest = ?, updated_at = ? WHERE incident_id = ?", digest,
                now(), incidentId);
    }

    /** The channel cannot be used (archived, no permission): stop posting steps there. */
    public void giveUp(String incidentId) {
        jdbc.update("UPDATE slack_conversation SET gave_up = TRUE, updated_at = ? WHERE incident_id = ?", now(),
                incidentId);
    }

    public void cardPosted(String incidentId, String channelId, String ts) {
        jdbc.update("INSERT INTO slack_card (incident_id, channel_id, ts, posted_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", incidentId, channelId, ts, now());
        // a card posted after the last refresh must be refreshed next time too
        jdbc.update("UPDATE slack_conversation SET card_digest = NULL WHERE incident_id = ?", incidentId);
    }

    public void cardGone(String incidentId, Card card) {
        jdbc.update("DELETE FROM slack_card WHERE incident_id = ? AND channel_id = ? AND ts = ?", incidentId,
                card.channelId(), card.ts());
    }

    public List<Card> cards(String incidentId) {
        return jdbc.query("SELECT channel_id, ts FROM slack_card WHERE incident_id = ? ORDER BY posted_at",
                (rs, row) -> new Card(rs.getString(1), rs.getString(2)), incidentId);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}

package dev.dialtone.integrations.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * A click on one of the incident card's buttons, from Slack's interactivity request: a form with one field,
 * {@code payload}, holding the JSON of a {@code block_actions} payload. Only what Dialtone acts on is kept: who
 * clicked, which button and its value (the incident id), and where to answer.
 *
 * @param actionId  the button's {@code action_id}, e.g. {@link IncidentCards#ACKNOWLEDGE}; null for payloads
 *                  without actions
 * @param messageTs the {@code ts} of the message the button was on, for {@code chat.update}
 */
public record SlackInteraction(String type, String teamId, String userId, String userName, String actionId,
                               String value, String responseUrl, String channelId, String messageTs) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param formBody the raw {@code application/x-www-form-urlencoded} body
     * @throws MalformedSlackRequestException when {@code payload} is missing or not JSON, or lacks {@code type},
     *                                        {@code user.id}, or (for {@code block_actions}) an action
     */
    public static SlackInteraction parse(String formBody) {
        Map<String, String> fields = FormBodies.parse(formBody);
        String payload = FormBodies.required(fields, "payload", "a Slack interactivity request");
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedSlackRequestException("the Slack interactivity payload is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedSlackRequestException("the Slack interactivity payload is not a JSON object");
        }
        String type = required(root, "type", "type");
        String userId = required(root, "user.id", "user", "id");
        JsonNode action = root.path("actions").path(0);
        String actionId = text(action, "action_id");
        if ("block_actions".equals(type) && actionId == null) {
            throw new MalformedSlackRequestException("a Slack block_actions payload carries actions[0].action_id");
        }
        return new SlackInteraction(
                type,
                firstOf(text(root, "team", "id"), text(root, "user", "team_id")),
                userId,
                firstOf(text(root, "user", "username"), text(root, "user", "name")),
                actionId,
                text(action, "value"),
                text(root, "response_url"),
                firstOf(text(root, "channel", "id"), text(root, "container", "channel_id")),
                firstOf(text(root, "container", "message_ts"), text(root, "message", "ts")));
    }

    private static String required(JsonNode root, String name, String... path) {
        String value = text(root, path);
        if (value == null) {
            throw new MalformedSlackRequestException("a Slack interactivity payload carries " + name);
        }
        return value;
    }

    private static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            current = current.path(step);
        }
        if (!current.isValueNode() || current.isNull()) {
            return null;
        }
        String text = current.asText();
        return text.isBlank() ? null : text;
    }

    private static String firstOf(String first, String second) {
        return first != null ? first : second;
    }
}

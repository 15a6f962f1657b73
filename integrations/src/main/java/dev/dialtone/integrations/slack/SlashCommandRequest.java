package dev.dialtone.integrations.slack;

import java.util.Map;

/**
 * A {@code /dialtone} invocation as Slack posts it (form fields of Slack's slash command payload), reduced to what
 * Dialtone uses: who asked, where, the text after the command, and the {@code response_url} to answer on.
 */
public record SlashCommandRequest(String teamId, String userId, String userName, String command, String text,
                                  String responseUrl, String channelId, String triggerId) {

    /**
     * @param formBody the raw {@code application/x-www-form-urlencoded} body
     * @throws MalformedSlackRequestException when {@code command} or {@code user_id} is missing
     */
    public static SlashCommandRequest parse(String formBody) {
        Map<String, String> fields = FormBodies.parse(formBody);
        String what = "a Slack slash command";
        return new SlashCommandRequest(
                FormBodies.optional(fields, "team_id"),
                FormBodies.required(fields, "user_id", what),
                FormBodies.optional(fields, "user_name"),
                FormBodies.required(fields, "command", what),
                fields.getOrDefault("text", ""),
                FormBodies.optional(fields, "response_url"),
                FormBodies.optional(fields, "channel_id"),
                FormBodies.optional(fields, "trigger_id"));
    }
}

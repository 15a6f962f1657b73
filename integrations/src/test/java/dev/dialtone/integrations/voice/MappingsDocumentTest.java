package dev.dialtone.integrations.voice;

import dev.dialtone.domain.signal.api.CallOutcome;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** MAPPINGS.md is what operators read; it must say what the code does, entry for entry. */
class MappingsDocumentTest {

    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");

    private static String section(String heading) throws IOException {
        String doc = Files.readString(Path.of("MAPPINGS.md"));
        int start = doc.indexOf("\n## " + heading);
        assertThat(start).as("MAPPINGS.md has a section " + heading).isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }

    /** reason -> outcome, read from the rows {@code | OUTCOME | why | `reason`, `reason` |}. */
    private static Map<String, CallOutcome> documentedRows(String section) {
        Map<String, CallOutcome> rows = new HashMap<>();
        for (String line : section.lines().toList()) {
            for (CallOutcome outcome : CallOutcome.values()) {
                if (line.startsWith("| " + outcome + " |")) {
                    String reasons = line.substring(line.lastIndexOf('|', line.length() - 2));
                    Matcher quoted = QUOTED.matcher(reasons);
                    while (quoted.find()) {
                        CallOutcome previous = rows.put(quoted.group(1), outcome);
                        assertThat(previous).as(quoted.group(1) + " is documented once").isNull();
                    }
                }
            }
        }
        return rows;
    }

    private static void assertFamiliesDocumented(String section, List<FamilyRule> rules) {
        for (int i = 0; i < rules.size(); i++) {
            FamilyRule rule = rules.get(i);
            assertThat(section).contains("| " + (i + 1) + " | " + rule.description() + " | " + rule.outcome() + " |");
        }
    }

    @Test
    void documentsTheTwilioTable() throws IOException {
        String twilio = section("Twilio");

        assertThat(documentedRows(twilio)).isEqualTo(TwilioStatuses.exactTable());
        assertThat(twilio).contains("**" + TwilioStatuses.DEFAULT_OUTCOME + "**");
        TwilioStatuses.NON_TERMINAL.forEach(status -> assertThat(twilio).contains("`" + status + "`"));
    }

    @Test
    void documentsTheVapiTableAndFamilies() throws IOException {
        String vapi = section("Vapi");

        assertThat(documentedRows(vapi)).isEqualTo(VapiEndedReasons.exactTable());
        assertFamiliesDocumented(vapi, VapiEndedReasons.familyRules());
        assertThat(vapi).contains("**" + VapiEndedReasons.DEFAULT_OUTCOME + "**");
    }

    @Test
    void documentsTheRetellTableAndFamilies() throws IOException {
        String retell = section("Retell");

        assertThat(documentedRows(retell)).isEqualTo(RetellDisconnectionReasons.exactTable());
        assertFamiliesDocumented(retell, RetellDisconnectionReasons.familyRules());
        assertThat(retell).contains("**" + RetellDisconnectionReasons.DEFAULT_OUTCOME + "**");
    }

    @Test
    void documentsTheElevenLabsTables() throws IOException {
        String elevenLabs = section("ElevenLabs");
        Map<String, CallOutcome> both = new HashMap<>(ElevenLabsOutcomes.conversationStatusTable());
        both.putAll(ElevenLabsOutcomes.initiationFailureTable());

        assertThat(documentedRows(elevenLabs)).isEqualTo(both);
        assertThat(elevenLabs).contains("**" + ElevenLabsOutcomes.DEFAULT_CONVERSATION_OUTCOME + "**");
        ElevenLabsOutcomes.initiationFailureFamilyRules().forEach(rule ->
                assertThat(elevenLabs).contains("Family rule: " + rule.description() + " → " + rule.outcome()));
    }
}

package dev.dialtone.integrations.probe;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class StatuspageCheckTest {

    private static final URI PAGE = URI.create("https://status.openai.com");
    private static final Duration FIVE_S = Duration.ofSeconds(5);

    static Stream<Arguments> mistakes() {
        return Stream.of(
                arguments("pageUrl", "missing", call(() -> new StatuspageCheck(null, List.of(), "openai", FIVE_S))),
                arguments("pageUrl", "relative", call(() -> new StatuspageCheck(URI.create("status.openai.com"),
                        List.of(), "openai", FIVE_S))),
                arguments("components", "missing", call(() -> new StatuspageCheck(PAGE, null, "openai", FIVE_S))),
                arguments("components", "blank name", call(() -> new StatuspageCheck(PAGE, List.of("API", " "),
                        "openai", FIVE_S))),
                arguments("components", "null name", call(() -> new StatuspageCheck(PAGE,
                        Arrays.asList("API", null), "openai", FIVE_S))),
                arguments("vendor", "missing", call(() -> new StatuspageCheck(PAGE, List.of(), null, FIVE_S))),
                arguments("vendor", "blank", call(() -> new StatuspageCheck(PAGE, List.of(), " ", FIVE_S))),
                arguments("timeout", "missing", call(() -> new StatuspageCheck(PAGE, List.of(), "openai", null))),
                arguments("timeout", "over 60 s", call(() -> new StatuspageCheck(PAGE, List.of(), "openai",
                        Duration.ofMinutes(2)))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mistakes")
    void aMistakeIsReportedAgainstItsField(String field, String mistake, ThrowingCallable construction) {
        assertThatThrownBy(construction)
                .isInstanceOf(IllegalArgumentException.class)
                .message().matches(field + "[ :].*");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://status.openai.com, https://status.openai.com/api/v2/summary.json",
            "https://status.openai.com/, https://status.openai.com/api/v2/summary.json",
            "https://status.openai.com/api/v2/summary.json, https://status.openai.com/api/v2/summary.json",
            "http://localhost:8089/status/?utm_source=x#top, http://localhost:8089/status/api/v2/summary.json"})
    void fetchesTheSummaryOfThePage(String pageUrl, String summaryUrl) {
        StatuspageCheck check = new StatuspageCheck(URI.create(pageUrl), List.of(), "openai", FIVE_S);

        assertThat(check.summaryUrl()).isEqualTo(URI.create(summaryUrl));
    }

    @Test
    void keepsTrimmedComponentNamesAndVendor() {
        StatuspageCheck check = new StatuspageCheck(PAGE, List.of(" Chat Completions "), " openai ", FIVE_S);

        assertThat(check.components()).containsExactly("Chat Completions");
        assertThat(check.vendor()).isEqualTo("openai");
    }

    private static ThrowingCallable call(ThrowingCallable callable) {
        return callable;
    }
}

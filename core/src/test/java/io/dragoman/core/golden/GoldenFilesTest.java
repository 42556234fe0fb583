package io.dragoman.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The normalisations of {@link GoldenFiles}: what they hide, and that they hide nothing else. */
class GoldenFilesTest {

    @Test
    void theReportsTimingsAndTheStandInsPortAreHiddenAndNothingElse() {
        String report = "{\n  \"thisRun\" : {\n    \"calls\" : 473,\n    \"seconds\" : 12.5,\n"
                + "    \"articlesPerMinute\" : 960.0\n  }\n}\n";
        assertThat(GoldenFiles.normalised("report.json", report))
                .isEqualTo("{\n  \"thisRun\" : {\n    \"calls\" : 473,\n    \"seconds\" : \"<timing>\",\n"
                        + "    \"articlesPerMinute\" : \"<timing>\"\n  }\n}\n");
        assertThat(GoldenFiles.normalised("report.md", "0 replies from the call cache; 12.5 s (960.0 articles/min)."))
                .isEqualTo("0 replies from the call cache; <timing> s (<timing> articles/min).");
        assertThat(GoldenFiles.normalised(
                        "failures.jsonl", "openai (gpt-4.1-mini at http://127.0.0.1:41234/openai/v1)"))
                .isEqualTo("openai (gpt-4.1-mini at http://127.0.0.1:<port>/openai/v1)");
        String record = "{\"seconds\":12.5,\"text\":\"12.5 s (960.0 articles/min)\"}";
        assertThat(GoldenFiles.normalised("articles.jsonl", record)).isEqualTo(record);
    }

    @Test
    void promptVersionsAreHiddenOnlyWhereTheyStand() {
        String record =
                "{\"checks\":[],\"promptVersions\":{\"repair\":\"0123456789ab\",\"translate\":\"e258d03b35d5\"},"
                        + "\"usage\":{},\"summary\":{\"provenance\":{\"promptVersion\":\"ba9876543210\"}},"
                        + "\"paragraphs\":[\"deadbeef0000\"]}";
        assertThat(GoldenFiles.promptVersionsHidden(record))
                .isEqualTo("{\"checks\":[],\"promptVersions\":{\"repair\":\"<prompt-version>\",\"translate\":"
                        + "\"<prompt-version>\"},\"usage\":{},\"summary\":{\"provenance\":{\"promptVersion\":"
                        + "\"<prompt-version>\"}},\"paragraphs\":[\"deadbeef0000\"]}");
        assertThat(GoldenFiles.promptVersionsHidden(
                        "Translated by openai gpt-4.1-mini · $0.00123 · prompt e258d03b35d5\n"))
                .isEqualTo("Translated by openai gpt-4.1-mini · $0.00123 · prompt <prompt-version>\n");
    }

    @Test
    void aDifferenceIsReportedByLineAndColumn() {
        assertThat(GoldenFiles.firstDifference("a\nbcd\ne\n", "a\nbxd\ne\n"))
                .isEqualTo("line 2, column 2\n  golden: bcd\n  actual: bxd");
        assertThat(GoldenFiles.firstDifference("a\n", "a\nb\n")).isEqualTo("line 2, column 1\n  golden: \n  actual: b");
        assertThat(GoldenFiles.firstDifference("a", "a\n")).isEqualTo("line 2 is an extra line: ");
    }
}

package io.dragoman.core.summary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonReplyTest {

    @Test
    void takesAPlainObjectAsItIs() {
        assertThat(JsonReply.extract(" {\"a\": 1} ")).contains("{\"a\": 1}");
    }

    @Test
    void stripsAMarkdownFence() {
        assertThat(JsonReply.extract("```json\n{\"a\": {\"b\": 2}}\n```")).contains("{\"a\": {\"b\": 2}}");
        assertThat(JsonReply.extract("```\n{\"a\": 1}\n```")).contains("{\"a\": 1}");
    }

    @Test
    void cutsProseBeforeAndAfterTheObject() {
        assertThat(JsonReply.extract("Here is the summary:\n{\"a\": \"}\"}\nI hope this helps."))
                .contains("{\"a\": \"}\"}");
    }

    @Test
    void findsNothingInARefusal() {
        assertThat(JsonReply.extract("I can't help with that.")).isEmpty();
        assertThat(JsonReply.extract("")).isEmpty();
    }
}

package io.dragoman.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextFlattenerTest {

    @Test
    void writesOneLinePerBlockAndDropsScripts() {
        String html = "<html><head><title>T</title><style>p{}</style></head><body>"
                + "<nav><ul><li><a href=/>Home</a></li><li>News</li></ul></nav>"
                + "<script>var x = 1;</script><noscript>Enable JS</noscript>"
                + "<article><h1>Head  line</h1><p>First <b>bold</b>\n  para.<br>After break</p>"
                + "<div>Outer<div>Inner</div>tail</div><p>&nbsp;</p><span>inline</span> text</article>"
                + "</body></html>";

        assertThat(PlainTextFlattener.flatten(html))
                .isEqualTo("Home\nNews\nHead line\nFirst bold para.\nAfter break\nOuter\nInner\ntail\ninline text");
    }
}

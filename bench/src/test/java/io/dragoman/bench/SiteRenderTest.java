package io.dragoman.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dragoman.core.store.RunStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteRenderTest {

    @TempDir
    Path tmp;

    @Test
    void rendersTheSiteOfTheStoredArticlesAndCountsWhatItWrote() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        SiteRender.Render render;
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            SiteRender.fill(store, 120, new PrintStream(progress, true, StandardCharsets.UTF_8));
            render = SiteRender.render(store, tmp.resolve("site"));
        }

        assertThat(render.articles()).isEqualTo(120);
        assertThat(tmp.resolve("site/article/syn-000119.html")).exists();
        assertThat(render.files()).isGreaterThan(120 + 3); // articles, three index pages, entity pages, data, assets
        assertThat(render.firstPageBytes())
                .isEqualTo(Files.size(tmp.resolve("site/index.html"))
                        + Files.size(tmp.resolve("site/assets/site.css"))
                        + Files.size(tmp.resolve("site/assets/site.js")));
        assertThat(render.bytes()).isGreaterThan(render.firstPageBytes());
        assertThat(render.largestTermShard()).isEqualTo(Files.size(tmp.resolve("site/data/terms-0.js")));
        assertThat(render.seconds()).isPositive();
    }

    @Test
    void aStoreHoldingEnoughArticlesIsNotFilledAgain() {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8);
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            SiteRender.fill(store, 20, out);
            SiteRender.fill(store, 20, out);
        }

        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("store already holds 20 articles");
    }

    @Test
    void browserOnlyNeedsTheFolderOfASiteRenderedBefore() {
        assertThat(SiteRender.Options.parse(new String[] {"--articles", "500", "--browser"}))
                .isEqualTo(new SiteRender.Options(500, java.util.Optional.empty(), true, false));
        assertThatThrownBy(() -> SiteRender.Options.parse(new String[] {"--browser-only"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--dir");
        assertThatThrownBy(() -> SiteRender.Options.parse(new String[] {"--pages", "3"}))
                .hasMessageContaining("Unknown argument --pages");
    }
}

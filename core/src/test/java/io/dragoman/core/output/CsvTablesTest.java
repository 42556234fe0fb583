package io.dragoman.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.dragoman.core.article.ArticleId;
import io.dragoman.core.store.RunStore;
import io.dragoman.core.testing.SyntheticCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTablesTest {

    @TempDir
    Path tmp;

    private List<Map<String, String>> read(String file) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper()
                .readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(tmp.resolve(file).toFile())) {
            return rows.readAll();
        }
    }

    @Test
    void writesOneRowPerArticleAndOneRowPerMentionWithTheArticlesIdDateAndSource() throws IOException {
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            SyntheticCorpus.fill(store, 12);
            store.articles()
                    .saveCleaned(
                            new ArticleId("hostile"),
                            "x",
                            "h",
                            SyntheticCorpus.article(99).withExtra(Map.of()));
            List<Path> files = new CsvTables(tmp).write(store);
            assertThat(files)
                    .extracting(p -> p.getFileName().toString())
                    .containsExactly(
                            "articles.csv",
                            "people.csv",
                            "organizations.csv",
                            "places.csv",
                            "topics.csv",
                            "quotes.csv");
        }

        List<Map<String, String>> articles = read("articles.csv");
        assertThat(articles).hasSize(13);
        Map<String, String> first = articles.get(0);
        assertThat(first).containsEntry("id", "hostile").containsEntry("status", "cleaned");
        assertThat(articles.get(1))
                .containsEntry("id", "syn-000000")
                .containsEntry("published", "2024-12-31T20:00+03:00")
                .containsEntry("source", "BelTA")
                .containsEntry("headline", "Cooperation in focus as Lavrov speaks (No. 0)")
                .containsEntry("title", "Lawrow: Zusammenarbeit im Mittelpunkt (Nr. 0)");
        List<Map<String, String>> people = read("people.csv");
        assertThat(people).hasSize(24);
        assertThat(people.get(0))
                .containsEntry("article_id", "syn-000000")
                .containsEntry("name", "Sergei Lavrov")
                .containsEntry("role", "Foreign Minister of Russia");
        assertThat(read("topics.csv")).hasSize(24);
        assertThat(read("quotes.csv").get(0)).containsEntry("paragraph", "2").containsEntry("speaker", "Sergei Lavrov");
        assertThat(Files.readString(tmp.resolve("topics.csv"))).startsWith("article_id,published,source,topic\n");
    }

    @Test
    void aMentionUnderAVariantSpellingCarriesTheNameOfItsEntitysPage() throws IOException {
        try (RunStore store = RunStore.open(tmp.resolve("dragoman.db"))) {
            SyntheticCorpus.fill(store, 12);
            new CsvTables(tmp).write(store);
        }

        List<Map<String, String>> people = read("people.csv");
        assertThat(people)
                .filteredOn(r -> r.get("name").equals("Sergej Lawrow"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).containsEntry("entity", "Sergei Lavrov"));
        assertThat(people)
                .filteredOn(r -> r.get("name").equals("Lavrov"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).containsEntry("entity", "Sergei Lavrov"));
        assertThat(people)
                .filteredOn(r -> r.get("name").equals("Wladimir Makej"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r).containsEntry("entity", "Vladimir Makei"));
        assertThat(people).allSatisfy(r -> assertThat(r.get("entity")).isNotEmpty());
        assertThat(read("organizations.csv")).isNotEmpty().allSatisfy(r -> assertThat(r.get("entity"))
                .isEqualTo(r.get("name")));
        assertThat(read("places.csv")).isNotEmpty().allSatisfy(r -> assertThat(r.get("entity"))
                .isEqualTo(r.get("name")));
        assertThat(Files.readString(tmp.resolve("people.csv")))
                .startsWith("article_id,published,source,name,role,entity\n");
    }
}

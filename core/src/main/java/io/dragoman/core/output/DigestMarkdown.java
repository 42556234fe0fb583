package io.dragoman.core.output;

import static io.dragoman.core.pipeline.ArticleFormat.escape;

import io.dragoman.core.output.Digest.Item;
import io.dragoman.core.output.Digest.Name;
import io.dragoman.core.output.Digest.Overview;
import io.dragoman.core.output.Digest.Period;
import io.dragoman.core.output.Digest.Sentence;
import io.dragoman.core.output.Digest.Story;
import io.dragoman.core.output.Digest.Trend;
import io.dragoman.core.pipeline.ArticleFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A digest as {@code digest.md}: a section per period, newest first, with its overview (each sentence followed by
 * links to the articles it cites), its stories linked to the articles' pages in {@code md/}, the people and
 * organisations named most with their change against the period before, and the names seen for the first time.
 * Every text from a page or a model is escaped so that it shows as written.
 */
final class DigestMarkdown {

    private DigestMarkdown() {}

    static String of(Digest digest) {
        StringBuilder md = new StringBuilder();
        md.append("# Digest, by ")
                .append(digest.options().by().option())
                .append('\n')
                .append('\n');
        md.append(scope(digest)).append('\n');
        for (Period p : digest.periods()) {
            md.append('\n').append("## ").append(p.label()).append('\n').append('\n');
            md.append(p.articles())
                    .append(p.articles() == 1 ? " article" : " articles")
                    .append(" in ");
            int stories = p.stories().size() + p.moreStories();
            md.append(stories).append(stories == 1 ? " story.\n" : " stories.\n");
            p.overview().ifPresent(o -> overview(md, o));
            md.append('\n').append("### Stories").append('\n').append('\n');
            for (Story s : p.stories()) {
                story(md, s);
            }
            if (p.moreStories() > 0) {
                md.append("- … and ").append(p.moreStories()).append(" more stories of one article each.\n");
            }
            trends(md, "People named most", p.people());
            trends(md, "Organisations named most", p.organizations());
            md.append('\n').append("### Named for the first time").append('\n').append('\n');
            if (p.earliest()) {
                md.append("The first period of the run: every name is new.\n");
            } else if (p.firstSeen().isEmpty()) {
                md.append("No new names.\n");
            } else {
                md.append(p.firstSeen().stream()
                                .map(n -> escape(n.label()) + " ("
                                        + n.kind().singular().toLowerCase(Locale.ROOT) + ")")
                                .collect(Collectors.joining(", ")))
                        .append('\n');
            }
        }
        return md.toString();
    }

    /** What the digest covers and what it left out. */
    static String scope(Digest digest) {
        int articles = digest.periods().stream().mapToInt(Period::articles).sum();
        StringBuilder s = new StringBuilder();
        s.append(articles)
                .append(articles == 1 ? " article" : " articles")
                .append(" in ")
                .append(digest.periods().size())
                .append(digest.periods().size() == 1 ? " period" : " periods");
        digest.options().since().ifPresent(d -> s.append(", from ").append(d));
        digest.options().until().ifPresent(d -> s.append(", until ").append(d));
        s.append('.');
        if (digest.outside() > 0) {
            s.append(' ').append(digest.outside()).append(" outside the range left out.");
        }
        if (digest.undated() > 0) {
            s.append(' ')
                    .append(digest.undated())
                    .append(digest.undated() == 1 ? " article" : " articles")
                    .append(" without a date left out.");
        }
        return s.toString();
    }

    private static void overview(StringBuilder md, Overview o) {
        md.append('\n').append("### Overview").append('\n').append('\n');
        for (Sentence s : o.sentences()) {
            md.append(escape(s.text()));
            md.append(s.cites().stream()
                    .map(id -> "[" + escape(id) + "](md/" + id + ".md)")
                    .collect(Collectors.joining(", ", " (", ")")));
            md.append(' ');
        }
        md.setLength(md.length() - (o.sentences().isEmpty() ? 0 : 1));
        md.append('\n')
                .append('\n')
                .append("*Written by ")
                .append(escape(o.model()))
                .append(" from the summaries");
        if (o.dropped() > 0) {
            md.append("; ").append(o.dropped()).append(" sentences without a valid citation left out");
        }
        md.append(".*\n");
    }

    private static void story(StringBuilder md, Story s) {
        List<Item> items = s.articles();
        if (items.size() == 1) {
            md.append("- ").append(link(items.get(0))).append('\n');
            return;
        }
        md.append("- **")
                .append(
                        s.shared().isEmpty()
                                ? items.size() + " articles"
                                : s.shared().stream()
                                        .map(Name::label)
                                        .map(ArticleFormat::escape)
                                        .collect(Collectors.joining(", ")))
                .append("** (")
                .append(items.size())
                .append(" articles)\n");
        for (Item i : items) {
            md.append("  - ").append(link(i)).append('\n');
        }
    }

    private static String link(Item i) {
        return "[" + escape(i.headline()) + "](md/" + i.id() + ".md) · " + escape(i.date());
    }

    private static void trends(StringBuilder md, String heading, List<Trend> trends) {
        md.append('\n').append("### ").append(heading).append('\n').append('\n');
        if (trends.isEmpty()) {
            md.append("None named.\n");
            return;
        }
        md.append("| Name | Articles | Period before | Change |\n|---|---:|---:|---:|\n");
        for (Trend t : trends) {
            md.append("| ")
                    .append(escape(t.name().label()))
                    .append(" | ")
                    .append(t.count())
                    .append(" | ")
                    .append(t.previous())
                    .append(" | ")
                    .append(t.change())
                    .append(" |\n");
        }
    }
}

package io.dragoman.core.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassHintsTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "article-body",
                "articleBody",
                "story__text",
                "artikel-inhalt",
                "entry-content",
                "cuerpo-noticia",
                "contenu texte",
                "post_content"
            })
    void readsContentNames(String name) {
        assertThat(ClassHints.kind(name)).isEqualTo(ClassHints.CONTENT);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "comments",
                "commentList",
                "kommentare",
                "share-bar",
                "social-icons",
                "related-articles",
                "articleRelated",
                "ad-slot",
                "werbung",
                "cookie-banner",
                "newsletter-box",
                "sidebar",
                "partage",
                "noticias-relacionadas",
                "image-caption",
                "comment_content"
            })
    void readsChromeNames(String name) {
        assertThat(ClassHints.kind(name)).isEqualTo(ClassHints.CHROME);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"article-header", "entry-meta", "post-footer"})
    void readsMixedNames(String name) {
        assertThat(ClassHints.kind(name)).isEqualTo(ClassHints.MIXED);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "row", "col-md-8", "container", "shadow", "grid__item--wide"})
    void leavesLayoutNamesNeutral(String name) {
        assertThat(ClassHints.kind(name)).isZero();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"comments", "commentsContainer", "kommentare", "disqus_thread"})
    void recognisesCommentSections(String name) {
        assertThat(ClassHints.comments(name)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"commentary", "article-body", "content"})
    void doesNotTakeOtherNamesForCommentSections(String name) {
        assertThat(ClassHints.comments(name)).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                "article-intro",
                "teaser-text",
                "article-chapo-12",
                "artikel__vorspann",
                "headerAbstract",
                "field-name-field-intro-text",
                "nota-bajada",
                "INSTANCE_INTRO_",
                "leader"
            })
    void readsLeadNames(String name) {
        assertThat(ClassHints.intro(name)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"content-header__dek", "dekSummary", "intro-share", "article-body", "imageDescription", ""})
    void subheadsChromeAndOtherNamesAreNoLeads(String name) {
        assertThat(ClassHints.intro(name)).isFalse();
    }
}

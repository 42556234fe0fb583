package io.dragoman.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dragoman.core.llm.SpentFailure;
import io.dragoman.core.summary.SummaryException;
import io.dragoman.core.translate.CheckResult;
import io.dragoman.core.translate.TranslationException;
import java.util.Locale;

/** The details a failed model stage is recorded with: what it spent, and its checks or its raw reply, as JSON. */
final class FailureDetail {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FailureDetail() {}

    static ObjectNode of(SpentFailure e) {
        ObjectNode detail = MAPPER.createObjectNode();
        detail.put("calls", e.calls());
        ArticleRecords.usage(detail, e.usage());
        e.cost().ifPresentOrElse(c -> detail.put("costUsd", c.stripTrailingZeros()), () -> detail.putNull("costUsd"));
        if (e instanceof TranslationException te) {
            ArrayNode checks = detail.putArray("checks");
            for (CheckResult c : te.checks()) {
                ObjectNode check = checks.addObject();
                check.put("check", c.check());
                check.put("status", c.status().name().toLowerCase(Locale.ROOT));
                ArrayNode details = check.putArray("details");
                c.details().forEach(details::add);
            }
        }
        if (e instanceof SummaryException se) {
            se.rawReply().ifPresent(raw -> detail.put("rawReply", raw));
        }
        return detail;
    }
}

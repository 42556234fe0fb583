package io.dragoman.core.article;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which stages a run does: always {@link Stage#CLEAN}, and the model stages asked for. The one value the command
 * line's {@code run}, {@code --only}, {@code translate} and {@code summarize}, the facade's builder and the batch
 * runner share.
 *
 * @param translate whether articles are translated
 * @param summarize whether articles are summarised
 */
public record Stages(boolean translate, boolean summarize) {

    /** Clean, translate, summarise. */
    public static final Stages ALL = new Stages(true, true);

    /** Cleaning only: no model is needed. */
    public static final Stages CLEAN_ONLY = new Stages(false, false);

    /** Cleaning and one model stage, or only cleaning for {@link Stage#CLEAN}. */
    public static Stages only(Stage stage) {
        return switch (stage) {
            case CLEAN -> CLEAN_ONLY;
            case TRANSLATE -> new Stages(true, false);
            case SUMMARIZE -> new Stages(false, true);
        };
    }

    /** True when a model stage is asked for, so a model is needed. */
    public boolean anyModel() {
        return translate || summarize;
    }

    /** The stages, in order. */
    public Set<Stage> asSet() {
        EnumSet<Stage> stages = EnumSet.of(Stage.CLEAN);
        if (translate) {
            stages.add(Stage.TRANSLATE);
        }
        if (summarize) {
            stages.add(Stage.SUMMARIZE);
        }
        return stages;
    }
}

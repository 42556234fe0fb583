package io.dragoman.beam;

import java.util.List;

/**
 * The Beam job on the FlinkRunner, in Flink's embedded cluster ({@code --flinkMaster=[local]}) with two task slots: the
 * same job a Flink cluster runs, with its serialisation, its shuffles and its own way of reporting counters.
 */
class FlinkRunnerTest extends RunnerContract {
    @Override
    List<String> runner() {
        return List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2");
    }
}

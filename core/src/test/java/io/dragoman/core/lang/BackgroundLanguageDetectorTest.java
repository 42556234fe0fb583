package io.dragoman.core.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BackgroundLanguageDetectorTest {

    @Test
    @Timeout(10)
    void isMadeBeforeItsModelHasLoadedAndTheFirstDetectionWaitsForIt() throws Exception {
        CountDownLatch loadMayEnd = new CountDownLatch(1);
        BackgroundLanguageDetector detector = new BackgroundLanguageDetector(() -> {
            try {
                loadMayEnd.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return text -> Optional.of("de");
        });

        CompletableFuture<Optional<String>> detected = CompletableFuture.supplyAsync(() -> detector.detect("Hallo"));
        Thread.sleep(200);
        assertThat(detected).as("a detection while the model loads").isNotDone();

        loadMayEnd.countDown();
        assertThat(detected.get(5, TimeUnit.SECONDS)).contains("de");
        assertThat(detector.detect("noch einmal")).contains("de");
    }

    @Test
    void aModelThatFailsToLoadThrowsItsErrorAtDetection() {
        BackgroundLanguageDetector detector = new BackgroundLanguageDetector(() -> {
            throw new IllegalStateException("OpenNLP language model is not on the class path");
        });

        assertThatThrownBy(() -> detector.detect("Hallo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not on the class path");
    }
}

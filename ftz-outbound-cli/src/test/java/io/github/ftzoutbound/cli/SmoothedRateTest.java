package io.github.ftzoutbound.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch ETA's rate, fed with explicit times: no clock, no timing. */
class SmoothedRateTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void afterASlowWarmUpTheEtaFollowsTheCurrentSpeedWhereARunningAverageDoesNot() {
        // 10 s at 100 lines/s (a JVM warming up), then 60 s at 1,000 lines/s; 200,000 lines in all.
        SmoothedRate rate = new SmoothedRate(Duration.ofSeconds(10));
        long done = 0;
        for (int s = 1; s <= 70; s++) {
            done += s <= 10 ? 100 : 1_000;
            rate.sample(s * SECOND, done);
        }
        long remaining = 200_000 - done;                       // 139,000 lines: 139 s at the current speed
        long smoothed = rate.eta(remaining).orElseThrow().toSeconds();
        long runningAverage = remaining * 70 / done;           // what the old ETA said: 159 s
        assertTrue(Math.abs(smoothed - 139) <= 2, "smoothed ETA " + smoothed + " s, current speed says 139 s");
        assertTrue(runningAverage >= 155, "the running average overestimates: " + runningAverage);
        assertEquals(1_000, rate.perSecond().orElseThrow(), 20);
    }

    @Test
    void itFollowsASlowdownTooAndIsUnknownUntilTheFirstSample() {
        SmoothedRate rate = new SmoothedRate(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), rate.eta(10));
        assertEquals(Optional.of(Duration.ZERO), rate.eta(0));
        long done = 0;
        for (int s = 1; s <= 90; s++) {             // 30 s at 1,000 lines/s, then 60 s at 100 lines/s
            done += s <= 30 ? 1_000 : 100;
            rate.sample(s * SECOND, done);
        }
        assertEquals(100, rate.perSecond().orElseThrow(), 10);
        // Samples at the same instant or going back are ignored, not divided by zero.
        rate.sample(90 * SECOND, done + 5);
        rate.sample(89 * SECOND, done + 5);
        assertEquals(100, rate.perSecond().orElseThrow(), 10);
    }
}

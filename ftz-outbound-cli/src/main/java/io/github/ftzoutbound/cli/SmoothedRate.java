package io.github.ftzoutbound.cli;

import java.time.Duration;
import java.util.Optional;

/**
 * A rate (lines per second) smoothed exponentially over time, for the batch ETA: each new sample's rate weighs
 * {@code 1 - exp(-dt / tau)}, so the estimate follows the current speed within a few {@code tau} and forgets the
 * slow start of a JVM that was still warming up. Fed with explicit times, so it is tested without a clock.
 */
final class SmoothedRate {
    private final double tauNanos;
    private long lastNanos = -1;
    private long lastCount;
    private double perNano = -1;

    SmoothedRate(Duration tau) {
        this.tauNanos = tau.toNanos();
    }

    /** Records that {@code count} items were done {@code nanos} after the start. */
    synchronized void sample(long nanos, long count) {
        if (lastNanos < 0) {
            if (nanos > 0) {
                perNano = (double) count / nanos;
            }
        } else if (nanos > lastNanos) {
            double instant = (double) (count - lastCount) / (nanos - lastNanos);
            double weight = 1 - Math.exp(-(nanos - lastNanos) / tauNanos);
            perNano = perNano < 0 ? instant : perNano + weight * (instant - perNano);
        } else {
            return;
        }
        lastNanos = nanos;
        lastCount = count;
    }

    /** Items per second, once known. */
    synchronized Optional<Double> perSecond() {
        return perNano < 0 ? Optional.empty() : Optional.of(perNano * 1e9);
    }

    /** The time left for {@code remaining} items at the smoothed rate; empty while the rate is unknown or zero. */
    synchronized Optional<Duration> eta(long remaining) {
        if (remaining <= 0) {
            return Optional.of(Duration.ZERO);
        }
        if (perNano <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil(remaining / perNano)));
    }
}

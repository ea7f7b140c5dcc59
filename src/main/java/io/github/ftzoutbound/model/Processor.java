package io.github.ftzoutbound.model;

import java.util.Objects;

/** The data processor (数据处理者) making the transfer. */
public record Processor(String name, Ftz ftz, Zone zone, boolean ciio, String sector, Holdings holdings,
                        PersonCounts exportedThisYear) {
    public Processor {
        Objects.requireNonNull(ftz, "ftz");
        holdings = holdings == null ? Holdings.ZERO : holdings;
        exportedThisYear = exportedThisYear == null ? PersonCounts.ZERO : exportedThisYear;
    }
}

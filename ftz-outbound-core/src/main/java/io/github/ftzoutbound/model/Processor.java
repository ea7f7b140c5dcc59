package io.github.ftzoutbound.model;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Objects;

/**
 * The data processor (数据处理者) making the transfer.
 *
 * <p>{@code creditCode} is the processor's unified social credit code (GB 32100-2015), optional: with an annual
 * ledger configured it names whose totals the ledger keeps (docs/ledger.md); without one it is informational.
 *
 * <p>{@code exportedThisYear} reads as zeros when the caller left it out, but the record remembers whether it
 * was given ({@link #exportedThisYearGiven()}): a ledger that keeps the totals refuses a request that also
 * states them. Equality does not tell a left-out count from explicit zeros.
 */
public record Processor(String name, Ftz ftz, Zone zone, boolean ciio, String sector, Holdings holdings,
                        PersonCounts exportedThisYear, String creditCode) {
    @JsonCreator
    public Processor {
        Objects.requireNonNull(ftz, "ftz");
        holdings = holdings == null ? Holdings.ZERO : holdings;
    }

    /** A processor without a credit code (the shape before the annual ledger). */
    public Processor(String name, Ftz ftz, Zone zone, boolean ciio, String sector, Holdings holdings,
                     PersonCounts exportedThisYear) {
        this(name, ftz, zone, ciio, sector, holdings, exportedThisYear, null);
    }

    /** Persons already exported since 1 January of the evaluation year, before this request; zeros if not given. */
    @Override
    public PersonCounts exportedThisYear() {
        return exportedThisYear == null ? PersonCounts.ZERO : exportedThisYear;
    }

    /** Whether the request stated {@code exportedThisYear} (even as zeros). */
    public boolean exportedThisYearGiven() {
        return exportedThisYear != null;
    }

    /** This processor with {@code exportedThisYear} set, as the ledger fills it in. */
    public Processor withExportedThisYear(PersonCounts counts) {
        return new Processor(name, ftz, zone, ciio, sector, holdings, Objects.requireNonNull(counts), creditCode);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Processor p && ciio == p.ciio && Objects.equals(name, p.name) && ftz == p.ftz
                && zone == p.zone && Objects.equals(sector, p.sector) && holdings.equals(p.holdings)
                && exportedThisYear().equals(p.exportedThisYear()) && Objects.equals(creditCode, p.creditCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, ftz, zone, ciio, sector, holdings, exportedThisYear(), creditCode);
    }

    /** A builder for a processor in this FTZ (required; {@link Ftz#NONE} outside both zones). */
    public static Builder builder(Ftz ftz) {
        return new Builder(new RecordBuilder<>(Processor.class)).ftz(ftz);
    }

    /** A builder starting from this processor's values; a left-out {@code exportedThisYear} stays left out. */
    public Builder toBuilder() {
        return new Builder(new RecordBuilder<>(Processor.class, this, c -> c.getName().equals("exportedThisYear")
                ? (exportedThisYearGiven() ? exportedThisYear() : null) : RecordBuilder.accessor(this, c)));
    }

    /**
     * Builds a {@link Processor}, the Java counterpart of {@code $.processor}. A new field is one more setter line.
     */
    public static final class Builder {
        private final RecordBuilder<Processor> values;

        private Builder(RecordBuilder<Processor> values) {
            this.values = values;
        }

        /** {@code $.processor.name}: for people; no rule reads it. */
        public Builder name(String name) { values.set("name", name); return this; }

        /** {@code $.processor.ftz} (required): JIANGSU, ZHEJIANG or NONE. */
        public Builder ftz(Ftz ftz) { values.set("ftz", ftz); return this; }

        /** {@code $.processor.zone}: the area within the FTZ (required unless ftz is NONE). */
        public Builder zone(Zone zone) { values.set("zone", zone); return this; }

        /** {@code $.processor.ciio} (required in JSON; here false unless set): a critical information infrastructure operator. */
        public Builder ciio(boolean ciio) { values.set("ciio", ciio); return this; }

        /** {@code $.processor.sector}: the sector, which selects the negative list (e.g. {@code AUTOMOTIVE}). */
        public Builder sector(String sector) { values.set("sector", sector); return this; }

        /** {@code $.processor.holdings}: persons whose personal information the processor holds. */
        public Builder holdings(Holdings holdings) { values.set("holdings", holdings); return this; }

        /** {@code $.processor.exportedThisYear}: persons exported since 1 January, before this request (leave out with a ledger). */
        public Builder exportedThisYear(PersonCounts exported) { values.set("exportedThisYear", exported); return this; }

        /** {@code $.processor.creditCode}: the unified social credit code (GB 32100-2015); names the ledger's totals. */
        public Builder creditCode(String creditCode) { values.set("creditCode", creditCode); return this; }

        public Processor build() {
            return values.build();
        }
    }
}

package io.github.ftzoutbound.api;

import io.github.ftzoutbound.model.Problem;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How far a request's {@code evaluationDate} may lie from today (docs/security.md, "Dates").
 *
 * <p>The date picks the rules in force and, with a ledger, the calendar year whose totals count. A date far from
 * today is either a mistake or an attempt to start a year afresh (a request dated 2099 or 1970 would find an empty
 * year in the ledger and go out EXEMPT). So:
 * <ul>
 *   <li><b>without a ledger</b> the date must lie within {@link #MAX_DAYS_BEFORE} days before and
 *       {@link #MAX_DAYS_AFTER} days after today (the service's clock, Asia/Shanghai): assessing a planned export
 *       up to a year ahead and re-assessing past ones is fine, anything beyond is invalid input;</li>
 *   <li><b>with a ledger</b> the date must be the ledger's today in Asia/Shanghai, give or take
 *       {@link #LEDGER_TOLERANCE_DAYS} day (a request sent just before midnight, clocks a little apart), unless the
 *       operator states an override reason, which is stored with the ledger row and named in the decision; the
 *       range above still applies.</li>
 * </ul>
 * Replaying an archived decision ({@code replay}) re-decides a historical date and is not checked against today.
 */
public final class EvaluationDates {
    /** Days before today a date may lie (ten years): older exports are not re-assessed with this engine. */
    public static final int MAX_DAYS_BEFORE = 3653;
    /** Days after today a date may lie (a year and a day): an export planned further ahead is assessed later. */
    public static final int MAX_DAYS_AFTER = 366;
    /** With a ledger: days either side of the ledger's today. */
    public static final int LEDGER_TOLERANCE_DAYS = 1;
    /** Longest override reason stored (the ledger column is VARCHAR(200)). */
    public static final int MAX_OVERRIDE_REASON = 200;

    static final String PATH = "$.evaluationDate";

    private EvaluationDates() {
    }

    /** The problem with a date against today, whatever the ledger, or empty. */
    public static Optional<Problem> outOfRange(LocalDate date, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, date);
        if (days > MAX_DAYS_AFTER) {
            return Optional.of(Problem.of(PATH, "date.tooLate", MAX_DAYS_AFTER, today, date));
        }
        if (-days > MAX_DAYS_BEFORE) {
            return Optional.of(Problem.of(PATH, "date.tooEarly", MAX_DAYS_BEFORE, today, date));
        }
        return Optional.empty();
    }

    /** The problem with a date decided through a ledger whose today is {@code ledgerToday}, or empty. */
    public static Optional<Problem> notLedgerToday(LocalDate date, LocalDate ledgerToday) {
        long days = Math.abs(ChronoUnit.DAYS.between(ledgerToday, date));
        if (days > LEDGER_TOLERANCE_DAYS) {
            return Optional.of(Problem.of(PATH, "date.notLedgerToday", ledgerToday, LEDGER_TOLERANCE_DAYS, date));
        }
        return Optional.empty();
    }

    /** Checks an operator's override reason: 1 to 200 printable characters. */
    public static String checkOverrideReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an evaluation-date override needs a reason");
        }
        if (reason.length() > MAX_OVERRIDE_REASON) {
            throw new IllegalArgumentException("the override reason is longer than " + MAX_OVERRIDE_REASON
                    + " characters");
        }
        if (reason.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the override reason holds control characters");
        }
        return reason.strip();
    }
}

package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import io.github.ftzoutbound.lists.ListDuty;

import java.time.LocalDate;

/** A duty a list imposes of its own (a report after export, a filing before or after it), dated. */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class DutyFact {
    private final NegativeListFact list;
    private final ListDuty duty;

    public DutyFact(NegativeListFact list, ListDuty duty) {
        this.list = list;
        this.duty = duty;
    }

    public NegativeListFact getList() { return list; }
    public ListDuty getDuty() { return duty; }
    public String getCode() { return duty.code(); }
    public ListDuty.Scope getScope() { return duty.scope(); }
    public ListDuty.Kind getKind() { return duty.kind(); }
    public boolean inForceOn(LocalDate date) { return duty.inForceOn(date); }

    /** The duty in words for the obligation's message: its kind, deadline and the list's wording. */
    public String getMessage() {
        String what = switch (duty.kind()) {
            case REPORT_AFTER_EXPORT -> "Report the export within " + duty.workingDays() + " working days after it";
            case FILING_BEFORE_EXPORT -> "File before the export";
            case FILING_AFTER_EXPORT -> "File after the export"
                    + (duty.workingDays() == null ? "" : ", within " + duty.workingDays() + " working days");
            case OTHER -> "A duty of the list";
        };
        return what + " (list " + list.getId() + ", " + duty.code() + "): "
                + (duty.textEn() == null ? duty.text() : duty.textEn());
    }

    /** The duty in Chinese: its kind and deadline, then the list's own wording. */
    public String getMessageZh() {
        String what = switch (duty.kind()) {
            case REPORT_AFTER_EXPORT -> "数据出境后" + duty.workingDays() + "个工作日内报告";
            case FILING_BEFORE_EXPORT -> "数据出境前备案";
            case FILING_AFTER_EXPORT -> "数据出境后备案"
                    + (duty.workingDays() == null ? "" : "（" + duty.workingDays() + "个工作日内）");
            case OTHER -> "负面清单规定的义务";
        };
        return what + "（负面清单" + list.getId() + "，" + duty.code() + "）：" + duty.text();
    }

    @Override
    public String toString() {
        return "Duty[" + list.getId() + " " + duty.code() + "]";
    }
}

package io.github.ftzoutbound.engine;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * One reused stateful session per thread and rule base (issue 14 step 3), so per thread and FTZ: each FTZ has its own
 * base (issue 14 item 3). Building a session walks the whole rule
 * network, so each thread keeps the session its last evaluation used and the next evaluation on that thread takes it
 * back, reset: working memory, agenda and globals emptied (Drools' own reset, the one its session pool uses).
 *
 * <p>Safety:
 * <ul>
 *   <li>A session is taken out of the thread's slot while in use, so a nested or concurrent use on the thread gets
 *       a fresh one; a session is never shared between threads.</li>
 *   <li>A session whose evaluation threw, was halted at the deadline or hit the firing limit is discarded
 *       ({@link #discard}), never reset and reused: its agenda or halt state is not trusted.</li>
 *   <li>Sessions are kept per rule base: a reloaded rule set has another KieBase, so no session of the old rule base
 *       serves it. A thread keeps at most {@link #PER_THREAD} sessions, the least recently used one is disposed
 *       first, so the sessions of a replaced rule base go at the thread's next evaluations.</li>
 * </ul>
 * The slots are static, not per rule set, so that a thread never holds more than {@link #PER_THREAD} sessions
 * whatever number of rule sets it has used (a ThreadLocal per rule set would keep a replaced rule base's session
 * reachable from every thread that used it).
 */
final class Sessions {
    /**
     * Sessions a thread keeps: one per FTZ's rule base ({@link RuleSet#kieBase}, three) and one of a rule set being
     * replaced fit; a thread serving all three FTZs keeps all three sessions.
     */
    static final int PER_THREAD = 4;
    private static final ThreadLocal<KieSession[]> SLOTS = ThreadLocal.withInitial(() -> new KieSession[PER_THREAD]);

    private Sessions() {
    }

    /** A reset session of {@code base} for the calling thread's exclusive use, until {@link #giveBack} or {@link #discard}. */
    static KieSession take(KieBase base) {
        KieSession[] slots = SLOTS.get();
        for (int i = 0; i < slots.length; i++) {
            KieSession s = slots[i];
            if (s != null && s.getKieBase() == base) {
                // Move to the front of the slots and leave the slot empty while in use.
                System.arraycopy(slots, 0, slots, 1, i);
                slots[0] = null;
                return s;
            }
        }
        return base.newKieSession();
    }

    /** Returns a session whose evaluation completed normally: reset, then kept for the thread's next evaluation. */
    static void giveBack(KieSession session) {
        ((StatefulKnowledgeSessionImpl) session).reset();
        KieSession[] slots = SLOTS.get();
        int free = -1;
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                free = i;
                break;
            }
        }
        if (free < 0) {
            free = slots.length - 1;
            slots[free].dispose(); // the least recently used rule base's session
        }
        System.arraycopy(slots, 0, slots, 1, free);
        slots[0] = session;
    }

    /** Disposes of a session whose evaluation failed; it is never used again. */
    static void discard(KieSession session) {
        try {
            session.dispose();
        } catch (RuntimeException e) {
            // Nothing to recover: the session is dropped either way.
        }
    }
}

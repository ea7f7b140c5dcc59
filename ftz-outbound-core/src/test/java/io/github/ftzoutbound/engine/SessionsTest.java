package io.github.ftzoutbound.engine;

import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * One reused session per thread and rule base (issue 14 step 3): given back reset, never shared between threads,
 * never reused after a failure, never serving another rule base.
 */
class SessionsTest {
    private static KieBase base(String name) {
        return new KieHelper().addContent("package " + name + "\nrule \"r\" when String() then end\n",
                ResourceType.DRL).build();
    }

    @Test
    void theThreadGetsItsSessionBackEmptied() {
        KieBase base = base("a");
        KieSession s = Sessions.take(base);
        s.insert("a fact");
        assertEquals(1, s.fireAllRules());
        Sessions.giveBack(s);
        KieSession again = Sessions.take(base);
        assertSame(s, again);
        assertEquals(0, again.getFactCount());
        // Nothing left on the agenda or in the node memories: the same fact fires the rule again.
        again.insert("a fact");
        assertEquals(1, again.fireAllRules());
        Sessions.giveBack(again);
    }

    @Test
    void aSessionInUseIsNotHandedOutTwice() {
        KieBase base = base("b");
        KieSession first = Sessions.take(base);
        KieSession second = Sessions.take(base);
        assertNotSame(first, second);
        Sessions.giveBack(second);
        Sessions.giveBack(first);
    }

    @Test
    void aDiscardedSessionIsNeverReused() {
        KieBase base = base("c");
        KieSession s = Sessions.take(base);
        Sessions.discard(s);
        KieSession next = Sessions.take(base);
        assertNotSame(s, next);
        Sessions.giveBack(next);
    }

    @Test
    void aSessionServesOnlyItsOwnRuleBase() {
        KieBase old = base("d");
        KieBase reloaded = base("d");
        KieSession s = Sessions.take(old);
        Sessions.giveBack(s);
        KieSession other = Sessions.take(reloaded);
        assertNotSame(s, other);
        assertSame(reloaded, other.getKieBase());
        Sessions.giveBack(other);
        assertSame(s, Sessions.take(old));
    }

    @Test
    void aThreadKeepsAtMostItsShareOfSessionsTheLeastRecentlyUsedGoesFirst() {
        List<KieBase> bases = new ArrayList<>();
        List<KieSession> kept = new ArrayList<>();
        for (int i = 0; i <= Sessions.PER_THREAD; i++) {
            bases.add(base("e" + i));
            KieSession s = Sessions.take(bases.get(i));
            Sessions.giveBack(s);
            kept.add(s);
        }
        // The first rule base's session was disposed of when the last one came back; the others are still kept.
        assertNotSame(kept.get(0), Sessions.take(bases.get(0)));
        for (int i = 2; i <= Sessions.PER_THREAD; i++) {
            assertSame(kept.get(i), Sessions.take(bases.get(i)));
        }
    }

    @Test
    void anotherThreadNeverGetsThisThreadsSession() throws Exception {
        KieBase base = base("f");
        KieSession mine = Sessions.take(base);
        Sessions.giveBack(mine);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            KieSession theirs = other.submit(() -> {
                KieSession s = Sessions.take(base);
                Sessions.giveBack(s);
                return s;
            }).get();
            assertNotSame(mine, theirs);
        } finally {
            other.shutdownNow();
        }
        assertSame(mine, Sessions.take(base));
    }
}

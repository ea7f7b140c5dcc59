package io.github.ftzoutbound.engine.facts;

import org.kie.api.definition.type.ClassReactive;

import io.github.ftzoutbound.lists.Adoption;
import io.github.ftzoutbound.model.Ftz;

import java.time.LocalDate;

/** An adoption file (JS-MEASURES 24 para 2, ZJ-MEASURES 19) joined to (one sector of) the list it adopts. */
// Facts are never modified once inserted, so property reactivity buys nothing.
@ClassReactive
public final class AdoptionFact {
    private final Adoption adoption;
    private final NegativeListFact list;

    public AdoptionFact(Adoption adoption, NegativeListFact list) {
        this.adoption = adoption;
        this.list = list;
    }

    public Adoption getAdoption() { return adoption; }
    public NegativeListFact getList() { return list; }
    public Ftz getAdoptingFtz() { return adoption.adoptingFtz(); }
    public String getDocument() { return adoption.document(); }
    public boolean inForceOn(LocalDate date) { return adoption.inForceOn(date); }

    @Override
    public String toString() {
        return "Adoption[" + adoption.id() + " of " + adoption.listId() + "]";
    }
}

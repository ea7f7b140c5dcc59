package io.github.ftzoutbound.model;

/** Where the processor is registered (Jiangsu measures Art. 4, Zhejiang measures Art. 6), or NONE. */
public enum Ftz {
    JIANGSU, ZHEJIANG, NONE;

    /** The regime whose rules govern a processor registered here. */
    public Regime regime() {
        return switch (this) {
            case JIANGSU -> Regime.JIANGSU_FTZ;
            case ZHEJIANG -> Regime.ZHEJIANG_FTZ;
            case NONE -> Regime.NATIONAL;
        };
    }
}

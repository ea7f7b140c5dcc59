package io.github.ftzoutbound.model;

/**
 * Area (片区) of a pilot free trade zone. Jiangsu Art. 1 names 南京、苏州、连云港; Zhejiang Art. 5 names
 * 舟山、宁波、杭州、金义. A zone belongs to exactly one FTZ.
 */
public enum Zone {
    NANJING(Ftz.JIANGSU), SUZHOU(Ftz.JIANGSU), LIANYUNGANG(Ftz.JIANGSU),
    ZHOUSHAN(Ftz.ZHEJIANG), NINGBO(Ftz.ZHEJIANG), HANGZHOU(Ftz.ZHEJIANG), JINYI(Ftz.ZHEJIANG);

    private final Ftz ftz;

    Zone(Ftz ftz) {
        this.ftz = ftz;
    }

    public Ftz ftz() {
        return ftz;
    }
}

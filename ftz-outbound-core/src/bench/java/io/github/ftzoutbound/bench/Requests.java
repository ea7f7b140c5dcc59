package io.github.ftzoutbound.bench;

import io.github.ftzoutbound.model.ExportRequest;
import io.github.ftzoutbound.model.RequestReader;

/** Benchmark inputs: realistic requests with n items under the Zhejiang regime with the bundled lists. */
final class Requests {
    private Requests() {
    }

    static String json(int items, int seed) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"requestId\":\"B-").append(seed).append("\",\"evaluationDate\":\"2026-11-23\",")
                .append("\"processor\":{\"ftz\":\"ZHEJIANG\",\"zone\":\"NINGBO\",\"ciio\":false,")
                .append("\"sector\":\"CROSS_BORDER_ECOMMERCE\",\"holdings\":{\"individuals\":").append(2_000_000 + seed)
                .append("},\"exportedThisYear\":{\"individuals\":").append(40_000 + (seed % 7) * 30_000)
                .append(",\"sensitiveIndividuals\":0}},\"scenario\":\"CROSS_BORDER_ECOMMERCE_PLATFORM\",\"dataItems\":[");
        String[][] fields = {{"BUYER_ID_NUMBER"}, {"BUYER_NAME", "SHIPPING_ADDRESS"}, {"ORDER_TOTALS"},
                {"BUYER_FACE_IMAGE"}};
        for (int i = 0; i < items; i++) {
            String[] f = fields[(i + seed) % fields.length];
            sb.append(i == 0 ? "" : ",").append("{\"id\":\"item-").append(i).append("\",\"fields\":[\"")
                    .append(String.join("\",\"", f)).append("\"],\"personalInformation\":{\"individuals\":")
                    .append(f[0].equals("ORDER_TOTALS") ? 0 : 1_000 + (i * 7_919 + seed) % 20_000)
                    .append("},\"exportControlled\":").append(i % 5 == 4).append("}");
        }
        return sb.append("]}").toString();
    }

    static ExportRequest request(int items, int seed) {
        return RequestReader.read(json(items, seed));
    }
}

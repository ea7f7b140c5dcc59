package io.github.ftzoutbound.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The record writer as it was before {@link DecisionRecordSerializer}: {@link DecisionJson}'s mapper settings with
 * Jackson's bean serialization of the annotated records. Kept in test scope as the reference the hand-written
 * serializer must match byte for byte (records are audited and replayed).
 */
public final class BeanRecordJson {
    private static final ObjectMapper BEAN = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private BeanRecordJson() {
    }

    /** The record as the bean serializer writes it, compact or with the default pretty printer. */
    public static String write(DecisionRecord record, boolean pretty) {
        try {
            return pretty ? BEAN.writerWithDefaultPrettyPrinter().writeValueAsString(record)
                    : BEAN.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.github.ftzoutbound.lists;

/** The data type column of a published list row (数据类型): 重要数据, 个人信息, 敏感个人信息. */
public enum RowDataType {
    IMPORTANT_DATA, PERSONAL_INFORMATION, SENSITIVE_PERSONAL_INFORMATION;

    /** The class the engine's rows of the legal reading work with (row 5 important data, rows 10–11 PI). */
    public DataClass dataClass() {
        return this == IMPORTANT_DATA ? DataClass.IMPORTANT_DATA : DataClass.PERSONAL_INFORMATION;
    }
}

package com.ardesk.kit.aging;

import com.fasterxml.jackson.annotation.JsonValue;

/** The AR aging buckets, in days since the aging basis date. */
public enum AgingBucket {
    D0_30("0-30", 0, 30), D31_60("31-60", 31, 60), D61_90("61-90", 61, 90), D91_120("91-120", 91, 120),
    D120_PLUS("120+", 121, Integer.MAX_VALUE);

    private final String label;
    private final int fromDays;
    private final int toDays;

    AgingBucket(String label, int fromDays, int toDays) {
        this.label = label;
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public int fromDays() {
        return fromDays;
    }

    public int toDays() {
        return toDays;
    }

    public static AgingBucket of(long days) {
        for (AgingBucket b : values()) {
            if (days <= b.toDays) {
                return b;
            }
        }
        return D120_PLUS;
    }

    /** Parses an API label such as {@code 91-120}; null if it is not one. */
    public static AgingBucket fromLabel(String label) {
        for (AgingBucket b : values()) {
            if (b.label.equals(label)) {
                return b;
            }
        }
        return null;
    }
}

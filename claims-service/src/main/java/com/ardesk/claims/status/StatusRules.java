package com.ardesk.claims.status;

import java.util.Set;

/** The 277/277CA rules (docs/domain.md): what an STC tells about a claim. */
public final class StatusRules {
    /** 277CA categories of a claim refused before adjudication. */
    private static final Set<String> REJECTED = Set.of("A3", "A4", "A6", "A7", "A8");
    private static final Set<String> ACCEPTED = Set.of("A1", "A2");

    private StatusRules() {
    }

    /** A3/A4/A6/A7/A8, or STC03 action code U (reject): the claim must be fixed and resubmitted. */
    public static boolean rejected(Status277.Stc stc) {
        return REJECTED.contains(stc.category()) || "U".equals(stc.actionCode());
    }

    /** A1/A2: the payer took the claim into adjudication. */
    public static boolean accepted(Status277.Stc stc) {
        return ACCEPTED.contains(stc.category()) && !rejected(stc);
    }

    /** P0-P5: the payer is working on it (pending). */
    public static boolean pending(Status277.Stc stc) {
        return stc.category().startsWith("P");
    }
}

package com.ardesk.claims.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** 277CA files for tests (005010X214 claim level: HL*PT, TRN*2 = CLM01, STC, REF*1K). */
final class Sample277 {
    private Sample277() {
    }

    /** One claim-level status per {@code claims[i]} = {CLM01, STC01, STC03 action code}. */
    static String acknowledgment(String date, String[]... claims) {
        List<String> segments = new ArrayList<>(List.of(
                "ST*277*0001*005010X214",
                "BHT*0085*08*ACK-1*20261120*1200*TH",
                "HL*1**20*1", "NM1*PR*2*MEDICARE PART B*****PI*MCR-R",
                "TRN*1*BATCH-1", "DTP*050*D8*20261120", "DTP*009*D8*20261120",
                "HL*2*1*21*1", "NM1*41*2*TEST CLINIC*****46*TC1", "TRN*2*BATCH-1", "STC*A1:19:PR*20261120*WQ*480.00",
                "HL*3*2*19*1", "NM1*85*2*TEST CLINIC*****XX*1234567893"));
        int hl = 4;
        for (String[] claim : claims) {
            segments.add("HL*" + hl++ + "*3*PT");
            segments.add("NM1*QC*1*LOPEZ*MARIA****MI*W123");
            segments.add("TRN*2*" + claim[0]);
            segments.add("STC*" + claim[1] + "*" + date + "*" + claim[2] + "*280.50");
            segments.add("REF*1K*PCN-" + claim[0]);
            segments.add("DTP*472*D8*20261110");
        }
        segments.add("SE*" + (segments.size() + 1) + "*0001");
        return "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*ARDESK         *261120*1200*^*00501*000000201*0*P*:~\n"
                + "GS*HN*CLEARINGHOUSE*ARDESK*20261120*1200*201*X*005010X214~\n"
                + String.join("~\n", segments) + "~\nGE*1*201~\nIEA*1*000000201~\n";
    }

    static InputStream stream(String file) {
        return new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8));
    }

    static String resource(String path) {
        try (InputStream in = Sample277.class.getResourceAsStream("/x12/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

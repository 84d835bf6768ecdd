package com.ardesk.claims.remit;

/** 835 files for tests, built with exact ISA widths so the delimiters sit where the standard puts them. */
public final class Sample835 {
    private Sample835() {
    }

    static String isa(char element, char component, char terminator) {
        String isa = String.join(String.valueOf(element), "ISA", "00", "          ", "00", "          ", "ZZ",
                "5010TEST       ", "ZZ", "ARDESK         ", "261120", "1200", "^", "00501", "000000101", "0", "P",
                String.valueOf(component));
        if (isa.length() != 105) {
            throw new IllegalStateException("ISA must be 105 characters before its terminator, was " + isa.length());
        }
        return isa + terminator;
    }

    static java.io.InputStream stream(String file) {
        return new java.io.ByteArrayInputStream(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A sample file under src/test/resources/x12 (public samples; see SOURCE.md beside them). */
    static String resource(String path) {
        try (java.io.InputStream in = Sample835.class.getResourceAsStream("/x12/" + path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Paid claim, denied claim, a claim nobody knows, and a PLB, for practice claims {@code prefix}-PAID etc.;
     * balanced: BPR02 450.00 = 200.00 + 0 + 100.00 − (−150.00).
     */
    public static String file(String prefix, String trace) {
        return isa('*', ':', '~') + "\n" + String.join("~\n",
                "GS*HP*5010TEST*ARDESK*20261120*1200*101*X*005010X221A1",
                "ST*835*0001",
                "BPR*I*450.00*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*20261120",
                "TRN*1*" + trace + "*1512345678",
                "DTM*405*20261119",
                "N1*PR*MEDICARE PART B",
                "N3*PO BOX 1",
                "N4*CITY*ST*12345",
                "REF*2U*MCR-R",
                "N1*PE*TEST CLINIC*XX*1234567893",
                "LX*1",
                "CLP*" + prefix + "-PAID*1*280.50*200.00*30.50*12*PCN0001*11*1",
                "CAS*CO*45*50.00",
                "CAS*PR*2*30.50",
                "NM1*QC*1*LEE*ANN",
                "SVC*HC:99214*185.00*130.00**1",
                "DTM*472*20261010",
                "CLP*" + prefix + "-DENY*4*280.50*0*0*12*PCN0002*11*1",
                "CAS*CO*197*280.50",
                "CLP*" + prefix + "-NONE*1*100.00*100.00*0*12*PCN0003",
                "PLB*1234567893*20261231*WO:INV123*-150.00",
                "SE*21*0001",
                "GE*1*101",
                "IEA*1*000000101") + "~\n";
    }
}

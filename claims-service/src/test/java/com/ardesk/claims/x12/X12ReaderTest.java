package com.ardesk.claims.x12;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class X12ReaderTest {
    private static final String ISA = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261120*1200*^*00501*000000101*0*P*:~";
    private static final String BODY = "GS*HP*SENDER*RECEIVER*20261120*1200*101*X*005010X221A1~ST*835*0001~BPR*I*1.00*C*ACH~"
            + "TRN*1*T1*1~PLB*1*20261231*WO:INV*-1~SE*5*0001~GE*1*101~IEA*1*000000101~";

    private record Read(List<X12Segment> segments, List<String> warnings) {
    }

    private static Read read(String text) {
        List<X12Segment> segments = new ArrayList<>();
        List<String> warnings = X12Reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), segments::add);
        return new Read(segments, warnings);
    }

    private static X12Exception refused(String text) {
        try {
            read(text);
        } catch (X12Exception e) {
            return e;
        }
        throw new AssertionError("was read");
    }

    @Test
    void readsSegmentsWithPositionsElementsAndComposites() {
        Read read = read(ISA + BODY);

        assertThat(read.warnings()).isEmpty();
        assertThat(read.segments()).extracting(X12Segment::tag).containsExactly("ISA", "GS", "ST", "BPR", "TRN", "PLB", "SE", "GE", "IEA");
        X12Segment plb = read.segments().get(5);
        assertThat(plb.position()).isEqualTo(6);
        assertThat(plb.element(3)).isEqualTo("WO:INV");
        assertThat(plb.element(4)).isEqualTo("-1");
        assertThat(plb.element(9)).isEmpty();
        assertThat(plb.reference(3)).isEqualTo("PLB03");
    }

    @Test
    void lineBreaksBlankLinesAndAByteOrderMarkAreAcceptedSilently() {
        String file = ISA + BODY;
        assertThat(read(file.replace("~", "~\r\n")).segments()).hasSize(9);
        assertThat(read(file.replace("~", "~\n\n")).warnings()).isEmpty();
        assertThat(read("\uFEFF" + file).segments()).hasSize(9);
    }

    @Test
    void textBeforeIsaIsSkippedWithAWarning() {
        Read read = read("Report generated 2026-11-20\r\n" + ISA + BODY);

        assertThat(read.segments()).hasSize(9);
        assertThat(read.warnings()).singleElement().asString().contains("before ISA");
    }

    @Test
    void anUnpaddedIsaIsReadAsPaddedWithAWarning() {
        String unpadded = "ISA*00**00**ZZ*SENDER*ZZ*RECEIVER*261120*1200*^*00501*101*0*P*:~";
        Read read = read(unpadded + BODY.replace("IEA*1*000000101", "IEA*1*101"));

        assertThat(read.segments().get(0).element(6)).isEqualTo("SENDER");
        assertThat(read.segments().get(0).element(13)).isEqualTo("000000101");
        assertThat(read.warnings()).anySatisfy(w -> assertThat(w).contains("not padded"));
    }

    @Test
    void aWrongSegmentCountIsRefusedNamingSe01() {
        X12Exception e = refused(ISA + BODY.replace("SE*5*0001", "SE*9*0001"));

        assertThat(e.location()).isEqualTo("segment 7 SE01");
        assertThat(e.getMessage()).contains("count 9", "has 5 segments");
    }

    @Test
    void controlNumberMismatchesAreRefusedNamingTheTrailer() {
        assertThat(refused(ISA + BODY.replace("SE*5*0001", "SE*5*0002")).location()).isEqualTo("segment 7 SE02");
        assertThat(refused(ISA + BODY.replace("GE*1*101", "GE*1*102")).location()).isEqualTo("segment 8 GE02");
        X12Exception iea = refused(ISA + BODY.replace("IEA*1*000000101", "IEA*1*000000102"));
        assertThat(iea.location()).isEqualTo("segment 9 IEA02");
        assertThat(iea.getMessage()).contains("000000102", "000000101");
    }

    @Test
    void aTruncatedFileIsRefused() {
        String file = ISA + BODY;
        assertThat(refused(file.substring(0, file.indexOf("SE*"))).getMessage()).contains("truncated");
        assertThat(refused(file.substring(0, file.indexOf("IEA"))).getMessage()).contains("truncated");
    }

    @Test
    void somethingThatIsNotX12IsRefused() {
        assertThat(refused("").getMessage()).contains("empty");
        assertThat(refused("hello").getMessage()).contains("no ISA");
        assertThat(refused("ISA*garbage").location()).isEqualTo("segment 1 ISA");
    }
}

package com.ardesk.claims.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams an X12 interchange segment by segment with StAEDI, which reads the delimiters from ISA
 * and checks the envelopes (ISA/IEA, GS/GE, ST/SE control numbers and counts). Memory stays
 * bounded by one segment, so a file's size is bounded by disk, not heap.
 * <p>
 * Lenient only where the meaning is unambiguous, each time with a warning: a byte-order mark,
 * blank lines and line breaks between segments, text before ISA, ISA elements not padded to their
 * fixed widths, and control numbers that differ only by leading zeros. Everything else that breaks
 * the envelope (wrong SE count, ST/SE, GS/GE or ISA/IEA control mismatch, a truncated file) is an
 * {@link X12Exception} naming the segment position, the element and the reason.
 */
public final class X12Reader {
    /** ISA01..ISA15 fixed widths; ISA16 is the one-character component separator. */
    private static final int[] ISA_WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1};
    private static final int LOOKAHEAD = 64 * 1024;
    private static final Set<EDIStreamValidationError> FATAL = Set.of(
            EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT,
            EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH,
            EDIStreamValidationError.MANDATORY_SEGMENT_MISSING,
            EDIStreamValidationError.UNEXPECTED_SEGMENT,
            EDIStreamValidationError.SEGMENT_NOT_IN_PROPER_SEQUENCE);

    private X12Reader() {
    }

    /**
     * Reads the whole interchange, handing each segment to {@code sink} in file order.
     *
     * @return the warnings (what was accepted although not standard)
     * @throws X12Exception for what cannot be read, or what {@code sink} refuses
     */
    public static List<String> read(InputStream in, Consumer<X12Segment> sink) {
        List<String> warnings = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        // code lists change faster than payers update: ISA/GS code values are not ours to police
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        try (EDIStreamReader reader = factory.createEDIStreamReader(normalized(in, warnings), "UTF-8")) {
            new Walk(reader, sink, warnings).run();
        } catch (EDIStreamException e) {
            throw unreadable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return warnings;
    }

    private static final class Walk {
        private final EDIStreamReader reader;
        private final Consumer<X12Segment> sink;
        private final List<String> warnings;
        private String tag;
        private int position;
        private List<String> elements;
        private String isa13 = "";
        private String gs06 = "";
        private String st02 = "";
        private int transactionSegments;

        Walk(EDIStreamReader reader, Consumer<X12Segment> sink, List<String> warnings) {
            this.reader = reader;
            this.sink = sink;
            this.warnings = warnings;
        }

        void run() throws EDIStreamException {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        position = reader.getLocation().getSegmentPosition();
                        elements = new ArrayList<>();
                        transactionSegments = "ST".equals(tag) ? 1 : transactionSegments + 1;
                    }
                    case ELEMENT_DATA -> element(reader.getLocation(), reader.getText());
                    case END_SEGMENT -> endSegment();
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> error();
                    default -> {
                        // envelope and loop boundaries: the segments themselves say all the readers need
                    }
                }
            }
        }

        private void element(Location at, String text) {
            int index = at.getElementPosition();
            while (elements.size() < index) {
                elements.add("");
            }
            String value = text == null ? "" : text;
            if (at.getComponentPosition() > 1) {
                elements.set(index - 1, elements.get(index - 1) + ":" + value);
            } else if (at.getElementOccurrence() > 0 && !elements.get(index - 1).isEmpty()) {
                elements.set(index - 1, elements.get(index - 1) + "^" + value);
            } else {
                elements.set(index - 1, value);
            }
        }

        private void endSegment() {
            X12Segment segment = new X12Segment(tag, position, List.copyOf(elements));
            switch (tag) {
                case "ISA" -> isa13 = segment.element(13);
                case "GS" -> gs06 = segment.element(6);
                case "ST" -> st02 = segment.element(2);
                default -> {
                    // only the headers' control numbers are remembered, to explain a trailer mismatch
                }
            }
            sink.accept(segment);
        }

        private void error() {
            EDIStreamValidationError type = reader.getErrorType();
            Location at = reader.getLocation();
            String segmentTag = at.getSegmentTag() == null ? tag : at.getSegmentTag();
            int element = at.getElementPosition();
            String ref = element > 0 ? segmentTag + (element < 10 ? "0" : "") + element : segmentTag;
            String text = reader.hasText() ? reader.getText() : "";
            if (type == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
                String header = switch (segmentTag) {
                    case "IEA" -> isa13;
                    case "GE" -> gs06;
                    default -> st02;
                };
                if (sameNumber(header, text)) {
                    warnings.add("segment " + at.getSegmentPosition() + " " + ref + ": control number " + text
                            + " differs from its header's " + header + " only by leading zeros");
                    return;
                }
                throw X12Exception.unreadable(at.getSegmentPosition(), ref, "control number " + text
                        + " does not match its header's " + header);
            }
            if (type == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
                String actual = "SE".equals(segmentTag) ? " (the transaction has " + transactionSegments + " segments, ST and SE included)" : "";
                throw X12Exception.unreadable(at.getSegmentPosition(), ref, "count " + text
                        + " does not match what the envelope holds" + actual);
            }
            if (FATAL.contains(type)) {
                throw X12Exception.unreadable(at.getSegmentPosition(), ref, describe(type));
            }
            warnings.add("segment " + at.getSegmentPosition() + " " + ref + ": " + describe(type)
                    + (text.isEmpty() ? "" : " ('" + text + "')"));
        }
    }

    private static String describe(EDIStreamValidationError type) {
        return type.name().toLowerCase().replace('_', ' ');
    }

    private static boolean sameNumber(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || !a.chars().allMatch(Character::isDigit) || !b.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return a.replaceFirst("^0+(?=.)", "").equals(b.replaceFirst("^0+(?=.)", ""));
    }

    private static X12Exception unreadable(EDIStreamException e) {
        Location at = e.getLocation();
        int position = at == null ? 0 : at.getSegmentPosition();
        String message = e.getMessage() == null ? "unreadable" : e.getMessage().replaceFirst("^EDIE\\d+ - ", "");
        if (message.contains("end of stream")) {
            return X12Exception.unreadable(position, at == null ? null : at.getSegmentTag(),
                    "the file is truncated: it ends before IEA closes the interchange");
        }
        return X12Exception.unreadable(position, at == null ? null : at.getSegmentTag(), message);
    }

    /**
     * The stream StAEDI reads: byte-order mark and text before ISA dropped, ISA elements padded to
     * their fixed widths (StAEDI reads ISA as 106 fixed characters). Only the first 64 KiB are held
     * in memory; the rest streams through untouched.
     */
    static InputStream normalized(InputStream in, List<String> warnings) throws IOException {
        byte[] head = in.readNBytes(LOOKAHEAD);
        if (head.length == 0) {
            throw X12Exception.unreadable(0, null, "is empty; send the X12 file as the request body");
        }
        // ISO-8859-1 maps each byte to one char, so char offsets are byte offsets
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int start = text.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
        int isa = findIsa(text, start);
        if (isa < 0) {
            throw X12Exception.unreadable(0, null, "has no ISA segment in its first 64 KiB; an X12 interchange starts with ISA");
        }
        if (!text.substring(start, isa).isBlank()) {
            warnings.add(isa - start + " characters before ISA were skipped");
        }
        char separator = text.charAt(isa + 3);
        List<String> elements = new ArrayList<>();
        int p = isa + 4;
        for (int i = 0; i < ISA_WIDTHS.length; i++) {
            int next = text.indexOf(separator, p);
            if (next < 0) {
                throw X12Exception.unreadable(1, "ISA", "is truncated: an ISA segment has 16 elements");
            }
            elements.add(text.substring(p, next));
            p = next + 1;
        }
        if (p + 1 >= text.length()) {
            throw X12Exception.unreadable(1, "ISA16", "is missing: the component separator and the segment terminator end ISA");
        }
        char component = text.charAt(p);
        char terminator = text.charAt(p + 1);
        if (!usable(separator) || !usable(component) || !usable(terminator)
                || separator == terminator || separator == component || component == terminator) {
            throw X12Exception.unreadable(1, "ISA", "does not define three distinct delimiters (ISA element separator, ISA16, terminator)");
        }
        StringBuilder header = new StringBuilder("ISA").append(separator);
        boolean padded = true;
        for (int i = 0; i < ISA_WIDTHS.length; i++) {
            String value = elements.get(i);
            int width = ISA_WIDTHS[i];
            if (value.length() > width) {
                value = value.strip();
                if (value.length() > width) {
                    throw X12Exception.unreadable(1, "ISA" + (i < 9 ? "0" : "") + (i + 1), "is " + value.length()
                            + " characters; its fixed width is " + width);
                }
            }
            if (value.length() < width) {
                padded = false;
                // ISA13 is a number: pad it as one, so IEA02 still matches it
                value = i == 12 ? "0".repeat(width - value.length()) + value : value + " ".repeat(width - value.length());
            }
            header.append(value).append(separator);
        }
        header.append(component).append(terminator);
        if (!padded) {
            warnings.add("ISA elements were not padded to their fixed widths; read as if padded");
        }
        byte[] fixed = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] rest = java.util.Arrays.copyOfRange(head, p + 2, head.length);
        return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(fixed), new ByteArrayInputStream(rest)), in);
    }

    private static boolean usable(char c) {
        return !Character.isLetterOrDigit(c) && c != ' ';
    }

    /** The first "ISA" followed by a delimiter (not a letter, digit or space). */
    private static int findIsa(String text, int from) {
        int at = text.indexOf("ISA", from);
        while (at >= 0) {
            if (at + 3 < text.length() && usable(text.charAt(at + 3))) {
                return at;
            }
            at = text.indexOf("ISA", at + 1);
        }
        return -1;
    }
}

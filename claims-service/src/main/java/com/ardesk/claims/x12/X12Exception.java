package com.ardesk.claims.x12;

import com.ardesk.kit.problem.FieldError;
import com.ardesk.kit.problem.ProblemException;

import java.util.List;
import java.util.Map;

/**
 * Why a file cannot be read (400) or carries a value the books cannot hold (422), naming the
 * segment position, the element and the reason, so the sender can find it in the file.
 */
public class X12Exception extends RuntimeException {
    private final int status;
    private final String location;

    public X12Exception(int status, String location, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.location = location;
    }

    /** 400: the file cannot be read as X12. */
    public static X12Exception unreadable(int position, String element, String reason) {
        return new X12Exception(400, where(position, element), reason);
    }

    /** 422: readable, but a value is one the books cannot hold. */
    public static X12Exception unacceptable(X12Segment segment, int element, String reason) {
        return new X12Exception(422, where(segment.position(), segment.reference(element)), reason);
    }

    private static String where(int position, String element) {
        return position <= 0 ? "file" : "segment " + position + (element == null ? "" : " " + element);
    }

    public String location() {
        return location;
    }

    /** The problem the API answers: field "body", message "segment 12 CLP04: ...". */
    public ProblemException toProblem(String what) {
        List<FieldError> errors = List.of(new FieldError("body", location + ": " + getMessage()));
        if (status == 422) {
            return ProblemException.unprocessable("x12-value", what + " holds a value the books cannot hold: "
                    + location + ": " + getMessage(), errors);
        }
        return new ProblemException(400, "validation", "Request is invalid", "body: is not a readable " + what + ": "
                + location + ": " + getMessage(), errors, Map.of());
    }
}

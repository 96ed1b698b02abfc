package dev.vigil.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.List;

/** A document that is not a valid report, with the JSON path of the problem where one is known. */
public final class ReportFormatException extends RuntimeException {

    private final String field;

    public ReportFormatException(String field, String message, Throwable cause) {
        super(field.isEmpty() ? message : field + ": " + message, cause);
        this.field = field;
    }

    /** The JSON path of the offending field, e.g. {@code findings[3].status}, or empty when not known. */
    public String field() {
        return field;
    }

    static ReportFormatException from(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException syntax) {
                var loc = syntax.getLocation();
                String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
                return new ReportFormatException("", "malformed JSON" + where + ": " + firstLine(syntax.getOriginalMessage()), e);
            }
        }
        if (e instanceof JsonMappingException m) {
            String path = pathOf(m.getPath());
            Throwable root = m;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root instanceof IllegalArgumentException || root instanceof NullPointerException
                    ? describeRoot(root)
                    : m.getOriginalMessage();
            return new ReportFormatException(path, firstLine(message), e);
        }
        if (e instanceof JsonProcessingException p) {
            var loc = p.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return new ReportFormatException("", "malformed JSON" + where + ": " + firstLine(p.getOriginalMessage()), e);
        }
        return new ReportFormatException("", "cannot read report: " + e.getMessage(), e);
    }

    private static String describeRoot(Throwable root) {
        if (root instanceof NullPointerException) {
            return "missing required field " + root.getMessage();
        }
        return root.getMessage();
    }

    static String pathOf(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid value";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

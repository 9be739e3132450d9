package vn.childprotection.casetracker.platform.input;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.childprotection.casetracker.platform.problem.FieldProblem;
import vn.childprotection.casetracker.platform.problem.ProblemWriter;

/**
 * The gate every request passes before anything else reads it (after the body size limit):
 * <ul>
 *   <li>each path segment, query parameter name and value, and the {@code Idempotency-Key} and {@code If-Match}
 *       headers must be valid percent-encoded UTF-8 and pass {@link TextRule} (so no {@code %00}, no control
 *       character, no unpaired surrogate); an {@code asOf} parameter must not be in the future
 *       ({@link TimeRule#notFutureProblem}); a {@code minVersion} must be a whole number of 1 or more (a case's
 *       version counts its events, so 0 or less can never be what a command answered); no parameter may be sent
 *       empty ({@code ?to=}) or with white space at its ends: 400;</li>
 *   <li>a request with a body must declare {@code Content-Type: application/json} (or {@code +json}) with no
 *       charset or {@code charset=UTF-8}: any other type or charset is 415 (RFC 8259 §8.1: JSON between systems is
 *       UTF-8);</li>
 *   <li>the body must be well-formed UTF-8: no invalid or overlong byte sequences, no encoded surrogates: 400.</li>
 * </ul>
 * Each refusal is {@code application/problem+json} naming the field, and nothing runs after it, so nothing is
 * written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestGateFilter extends OncePerRequestFilter {

    /**
     * Spring would read {@code ?to=} as "no {@code to}" for an optional parameter: a filter the caller meant to set
     * would silently not apply, so an empty value is refused instead.
     */
    static final String EMPTY_PARAMETER = "is empty; give a value or leave the parameter out";

    /**
     * Spring trims a parameter before reading it as an enum ({@code ?riskLevel=HIGH%20}), so the same query could be
     * written in many ways; no parameter of this API has spaces at its ends.
     */
    static final String PADDED_PARAMETER = "begins or ends with white space";

    /** The version a read of one case waits for (read your own writes). */
    static final String MIN_VERSION = "minVersion";
    static final String MIN_VERSION_PROBLEM = "must be a whole number of 1 or more in decimal digits (a version a "
            + "command answered)";
    /** 1 to 999,999,999,999,999,999: within a long. */
    private static final Pattern POSITIVE_WHOLE_NUMBER = Pattern.compile("[1-9][0-9]{0,17}");

    private static final Set<String> CHECKED_HEADERS = Set.of("Idempotency-Key", "If-Match", "If-None-Match");

    private final ProblemWriter problems;
    private final TimeRule times;

    public RequestGateFilter(ProblemWriter problems, TimeRule times) {
        this.problems = problems;
        this.times = times;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldProblem> found = new ArrayList<>();
        checkPath(request.getRequestURI(), found);
        checkQuery(request.getQueryString(), found);
        for (String header : CHECKED_HEADERS) {
            String value = request.getHeader(header);
            String problem = value == null ? null : TextRule.problem(value);
            if (problem != null) {
                found.add(new FieldProblem(header, problem));
            }
        }
        if (!found.isEmpty()) {
            problems.writeBadRequest(response, found, request.getRequestURI());
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        String unsupported = unsupportedContentType(request.getContentType());
        if (unsupported != null) {
            problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", unsupported,
                    request.getRequestURI());
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (IOException e) {
            // The size limit's stream refuses to read past casetracker.http.max-body-bytes.
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The body is larger than accepted, or was cut off.", request.getRequestURI());
            return;
        }
        if (!isUtf8(body)) {
            problems.writeBadRequest(response, List.of(new FieldProblem("body",
                    "is not well-formed UTF-8 (invalid or overlong byte sequence)")), request.getRequestURI());
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private static String unsupportedContentType(String contentType) {
        if (contentType == null) {
            return "A body needs Content-Type: application/json.";
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return "The Content-Type is not a valid media type; send application/json.";
        }
        boolean json = type.getType().equals("application")
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
        if (!json) {
            return "Only application/json bodies are accepted.";
        }
        String charset = type.getParameter("charset");
        if (charset != null && !charset.replace("\"", "").equalsIgnoreCase("UTF-8")) {
            return "JSON bodies are accepted only in UTF-8; omit the charset or declare charset=UTF-8.";
        }
        return null;
    }

    private void checkPath(String rawPath, List<FieldProblem> found) {
        if (rawPath == null) {
            return;
        }
        for (String segment : rawPath.split("/", -1)) {
            String problem = problemOfEncoded(segment, false);
            if (problem != null) {
                found.add(new FieldProblem("path", problem));
                return;
            }
        }
    }

    private void checkQuery(String query, List<FieldProblem> found) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            String nameProblem = problemOfEncoded(rawName, true);
            if (nameProblem != null) {
                found.add(new FieldProblem("query", "a parameter name " + nameProblem));
                continue;
            }
            String name = decode(rawName, true);
            String valueProblem = problemOfEncoded(rawValue, true);
            if (valueProblem != null) {
                found.add(new FieldProblem(name, valueProblem));
            } else if (rawValue.isEmpty()) {
                found.add(new FieldProblem(name, EMPTY_PARAMETER));
            } else {
                checkValue(name, decode(rawValue, true), found);
            }
        }
    }

    private void checkValue(String name, String value, List<FieldProblem> found) {
        if (!value.equals(value.strip())) {
            found.add(new FieldProblem(name, PADDED_PARAMETER));
        } else if (name.equals("asOf")) {
            checkAsOf(value, found);
        } else if (name.equals(MIN_VERSION) && !POSITIVE_WHOLE_NUMBER.matcher(value).matches()) {
            found.add(new FieldProblem(MIN_VERSION, MIN_VERSION_PROBLEM));
        }
    }

    private void checkAsOf(String value, List<FieldProblem> found) {
        try {
            Instant asOf = times.instant(value);
            String problem = times.notFutureProblem(asOf);
            if (problem != null) {
                found.add(new FieldProblem("asOf", problem));
            }
        } catch (RefusedValue refused) {
            found.add(new FieldProblem("asOf", refused.problem()));
        }
    }

    private static String problemOfEncoded(String raw, boolean plusIsSpace) {
        String decoded = decode(raw, plusIsSpace);
        return decoded == null ? "is not valid percent-encoded UTF-8" : TextRule.problem(decoded);
    }

    /**
     * @param raw the request target as Tomcat gives it: each byte of the request line as one character
     * @return the percent-decoded text, or null when the escapes are broken or do not give well-formed UTF-8
     */
    static String decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c > 0xFF) {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                // Tomcat hands the raw request target over byte for byte (ISO-8859-1): keep the bytes.
                bytes.write(c);
            }
        }
        try {
            return strictUtf8().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            strictUtf8().decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static java.nio.charset.CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The request with its body already read and checked, served again from memory.
     */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body has already been read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            Charset charset = StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}

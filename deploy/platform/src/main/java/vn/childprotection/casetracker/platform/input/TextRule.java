package vn.childprotection.casetracker.platform.input;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one rule for text that comes in (plain or to be encrypted; bodies, path segments, query parameters, headers).
 * Refused: control characters other than tab (U+0009) and line feed (U+000A) — so also NUL, carriage return, DEL and
 * the C1 controls —, unpaired surrogates, Unicode non-characters (U+FDD0..U+FDEF and every U+xxFFFE/U+xxFFFF) and the
 * bidirectional embedding, override and isolate controls (U+202A..U+202E, U+2066..U+2069), which can make a stored
 * name read differently from what it is. Accepted text is stored in Unicode normalisation form C (NFC), so that one
 * name has one form and lengths are counted in characters (code points) of that form.
 *
 * <p>Why carriage return is refused: a line break is one line feed; accepting CR too would store the same text in two
 * forms (the hash chain and the lengths would depend on the sender's platform), and PostgreSQL, the CSV export and
 * the projections all treat LF alone as the line break.
 */
public final class TextRule {

    private TextRule() {
    }

    /**
     * @param value text as received, not null
     * @return null when the text is acceptable, else what is wrong with it (never quoting it: it may be personal)
     */
    public static String problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return "contains an unpaired surrogate";
                }
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                if (isNonCharacter(codePoint)) {
                    return "contains a Unicode non-character (" + hex(codePoint) + ")";
                }
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate";
            }
            if (c == '\t' || c == '\n') {
                continue;
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return "contains a control character (" + hex(c) + "); only tab and line feed are allowed";
            }
            if (isNonCharacter(c)) {
                return "contains a Unicode non-character (" + hex(c) + ")";
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return "contains a bidirectional formatting character (" + hex(c) + ")";
            }
        }
        return null;
    }

    /**
     * @param value acceptable text (see {@link #problem(String)})
     * @return the same text in Unicode normalisation form C
     */
    public static String normalise(String value) {
        return Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
    }

    /**
     * @return the number of characters (Unicode code points) of {@code value}, the unit every length limit uses
     */
    public static int length(CharSequence value) {
        return Character.codePointCount(value, 0, value.length());
    }

    private static boolean isNonCharacter(int codePoint) {
        return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
    }

    private static String hex(int codePoint) {
        return String.format(Locale.ROOT, "U+%04X", codePoint);
    }
}

package vn.childprotection.casetracker.platform.input;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A whole-number query parameter or path variable ({@code page}, {@code size}, {@code minVersion},
 * {@code anchoredGlobalIndex}...) is plain decimal digits, with an optional leading {@code -} and no leading zero.
 * Spring's default reading also takes {@code +5}, {@code 007}, {@code 0x10} and {@code #10} (as 5, 7, 16 and 16), so
 * one number could be written many ways and a hexadecimal one silently read as another. An editor is used rather
 * than a converter because Spring falls back to its lenient default editor when a converter refuses a value (see
 * {@link ExactBooleanParameters}). A refused value raises {@link RefusedValue}, answered 400 naming the parameter;
 * the range of each parameter is its endpoint's own rule.
 */
@ControllerAdvice
public class PlainWholeNumberParameters {

    static final String NOT_PLAIN = "must be a whole number in decimal digits (no + sign, leading zero or "
            + "hexadecimal)";
    static final String TOO_LARGE = "is too large a number";
    private static final Pattern PLAIN = Pattern.compile("0|-?[1-9][0-9]*");

    @InitBinder
    public void plainWholeNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new PlainWholeNumber(Integer::valueOf));
        binder.registerCustomEditor(int.class, new PlainWholeNumber(Integer::valueOf));
        binder.registerCustomEditor(Long.class, new PlainWholeNumber(Long::valueOf));
        binder.registerCustomEditor(long.class, new PlainWholeNumber(Long::valueOf));
    }

    private static final class PlainWholeNumber extends PropertyEditorSupport {

        private final Function<String, ? extends Number> parse;

        PlainWholeNumber(Function<String, ? extends Number> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (!PLAIN.matcher(text).matches()) {
                throw new RefusedValue(NOT_PLAIN);
            }
            try {
                setValue(parse.apply(text));
            } catch (NumberFormatException e) {
                throw new RefusedValue(TOO_LARGE);
            }
        }

        @Override
        public String getAsText() {
            return String.valueOf(getValue());
        }
    }
}

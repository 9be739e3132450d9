package vn.childprotection.casetracker.platform.input;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A boolean query parameter or path variable is {@code true} or {@code false}, nothing else. Spring's default
 * reading also takes {@code 1}, {@code yes}, {@code on} (and their opposites) in any case, so {@code ?flagged=yes}
 * would filter without the caller knowing what was understood. An editor is used rather than a converter because
 * Spring falls back to its lenient default editor when a converter refuses a value. A refused value raises
 * {@link RefusedValue}, answered 400 naming the parameter.
 */
@ControllerAdvice
public class ExactBooleanParameters {

    @InitBinder
    public void exactBooleans(WebDataBinder binder) {
        binder.registerCustomEditor(Boolean.class, new ExactBoolean());
        binder.registerCustomEditor(boolean.class, new ExactBoolean());
    }

    private static final class ExactBoolean extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            switch (text) {
                case "true" -> setValue(Boolean.TRUE);
                case "false" -> setValue(Boolean.FALSE);
                default -> throw new RefusedValue("must be true or false");
            }
        }

        @Override
        public String getAsText() {
            return String.valueOf(getValue());
        }
    }
}

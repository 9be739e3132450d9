package vn.childprotection.casetracker.platform.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.expression.StandardBeanExpressionResolver;

class LiteralExpressionShortcutTest {

    private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

    @Test
    void a_value_without_an_expression_is_answered_as_it_is_and_an_expression_is_still_evaluated() {
        beanFactory.setBeanExpressionResolver(new StandardBeanExpressionResolver());
        LiteralExpressionShortcut.literalFirstExpressionResolver().postProcessBeanFactory(beanFactory);
        BeanExpressionContext context = new BeanExpressionContext(beanFactory, null);

        assertThat(beanFactory.getBeanExpressionResolver())
                .isInstanceOf(LiteralExpressionShortcut.LiteralFirstResolver.class);
        String name = "caseId";
        assertThat(beanFactory.getBeanExpressionResolver().evaluate(name, context)).isSameAs(name);
        assertThat(beanFactory.getBeanExpressionResolver().evaluate("#{6 * 7}", context)).isEqualTo(42);
        assertThat(beanFactory.getBeanExpressionResolver().evaluate("id-#{'x'.toUpperCase()}", context))
                .isEqualTo("id-X");
    }

    @Test
    void where_expressions_are_switched_off_none_is_installed() {
        beanFactory.setBeanExpressionResolver(null);
        LiteralExpressionShortcut.literalFirstExpressionResolver().postProcessBeanFactory(beanFactory);
        assertThat(beanFactory.getBeanExpressionResolver()).isNull();
    }
}

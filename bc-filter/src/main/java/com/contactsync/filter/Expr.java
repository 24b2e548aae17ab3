package com.contactsync.filter;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** An expression tree of {@code |} and {@code &} over conditions of type {@code C}. */
sealed interface Expr<C> {

    boolean test(Predicate<C> condition);

    <D> Expr<D> map(Function<C, D> function);

    /** SQL of the tree; {@code condition} renders a leaf (and adds its parameters, in order). */
    String toSql(Function<C, String> condition);

    /** Operands joined by {@code &} ({@code all}) or by {@code |}. */
    record Junction<C>(boolean all, List<Expr<C>> operands) implements Expr<C> {

        @Override
        public boolean test(Predicate<C> condition) {
            return all
                    ? operands.stream().allMatch(e -> e.test(condition))
                    : operands.stream().anyMatch(e -> e.test(condition));
        }

        @Override
        public <D> Expr<D> map(Function<C, D> function) {
            return new Junction<>(all, operands.stream().map(e -> e.map(function)).toList());
        }

        @Override
        public String toSql(Function<C, String> condition) {
            return operands.stream().map(e -> e.toSql(condition))
                    .collect(Collectors.joining(all ? " AND " : " OR ", "(", ")"));
        }
    }

    record Leaf<C>(C condition) implements Expr<C> {

        @Override
        public boolean test(Predicate<C> test) {
            return test.test(condition);
        }

        @Override
        public <D> Expr<D> map(Function<C, D> function) {
            return new Leaf<>(function.apply(condition));
        }

        @Override
        public String toSql(Function<C, String> render) {
            return render.apply(condition);
        }
    }
}

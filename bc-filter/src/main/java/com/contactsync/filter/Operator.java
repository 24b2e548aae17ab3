package com.contactsync.filter;

/** How a condition compares a field with its operand(s). */
enum Operator {
    EQUAL("="),
    NOT_EQUAL("<>"),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    RANGE("..");

    final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    /** For {@code <}, {@code <=}, {@code >}, {@code >=}: whether the field's order against the operand satisfies it. */
    boolean accepts(int comparison) {
        return switch (this) {
            case LESS -> comparison < 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            case GREATER -> comparison > 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
            case EQUAL, NOT_EQUAL, RANGE -> throw new IllegalStateException(this + " is not an ordering comparison");
        };
    }
}

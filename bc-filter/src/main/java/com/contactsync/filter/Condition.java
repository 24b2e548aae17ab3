package com.contactsync.filter;

/**
 * One term of an expression as parsed: {@code @<>abc}, {@code a..b}, ...
 *
 * @param position   where the term starts in the expression
 * @param ignoreCase written with {@code @}
 * @param operand    the value; for {@link Operator#RANGE} the lower bound, null when open
 * @param upperBound for {@link Operator#RANGE} the upper bound, null when open; otherwise null
 */
record Condition(int position, boolean ignoreCase, Operator operator, Operand operand, Operand upperBound) {
}

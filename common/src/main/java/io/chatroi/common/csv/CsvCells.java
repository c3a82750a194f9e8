package io.chatroi.common.csv;

import java.util.regex.Pattern;

/**
 * CSV formula neutralisation, for every CSV the product writes (OWASP's CSV injection advice): a text cell that a
 * spreadsheet would run as a formula (it begins with {@code = + - @}, a tab or a carriage return) is written with a
 * leading {@code '}. Plain numbers such as {@code -5} or {@code +4930123} are left alone (a spreadsheet reads them
 * as numbers, nothing runs). The rule is reversible: {@link #restore} removes exactly the {@code '} that
 * {@link #neutralise} added, so importing an exported file gives back the original values (a value that itself
 * begins with {@code '} before a formula character gets a second one).
 */
public final class CsvCells {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?[0-9]+([.][0-9]+)?");

    private CsvCells() {
    }

    /** The cell as it is safe to write. */
    public static String neutralise(String value) {
        return value != null && needsPrefix(value) ? "'" + value : value;
    }

    /** The original value of a cell {@link #neutralise} wrote. */
    public static String restore(String cell) {
        return cell != null && cell.startsWith("'") && needsPrefix(cell.substring(1)) ? cell.substring(1) : cell;
    }

    static boolean needsPrefix(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '\'') {
            return needsPrefix(value.substring(1));
        }
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula && !PLAIN_NUMBER.matcher(value).matches();
    }
}

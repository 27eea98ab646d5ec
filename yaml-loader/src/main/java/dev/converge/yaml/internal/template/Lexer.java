package dev.converge.yaml.internal.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's template lexer ({@code text/template/parse/lex.go}): text and actions between the double
 * braces, with the trim markers ("{{- " and " -}}") removing the spaces around an action,
 * comments (slash-star to star-slash) dropped, and inside actions the tokens Go has: fields,
 * variables, keywords, numbers, strings, raw strings, char constants, declarations, assignments,
 * pipes and parentheses.
 *
 * <p>How: the whole text is scanned once into a list (Go runs the same state machine in steps);
 * an error ends the list with an error item carrying Go's message, which the parser reports
 * when it reaches it, so errors come in Go's order.
 */
final class Lexer {

  static final int ERROR = 0;
  static final int BOOL = 1;
  static final int CHAR = 2;
  static final int CHAR_CONSTANT = 3;
  static final int COMPLEX = 4;
  static final int ASSIGN = 5;
  static final int DECLARE = 6;
  static final int EOF = 7;
  static final int FIELD = 8;
  static final int IDENTIFIER = 9;
  static final int LEFT_DELIM = 10;
  static final int LEFT_PAREN = 11;
  static final int NUMBER = 12;
  static final int PIPE = 13;
  static final int RAW_STRING = 14;
  static final int RIGHT_DELIM = 15;
  static final int RIGHT_PAREN = 16;
  static final int SPACE = 17;
  static final int STRING = 18;
  static final int TEXT = 19;
  static final int VARIABLE = 20;
  static final int KEYWORD = 21;
  static final int BLOCK = 22;
  static final int BREAK = 23;
  static final int CONTINUE = 24;
  static final int DOT = 25;
  static final int DEFINE = 26;
  static final int ELSE = 27;
  static final int END = 28;
  static final int IF = 29;
  static final int NIL = 30;
  static final int RANGE = 31;
  static final int TEMPLATE = 32;
  static final int WITH = 33;

  /** One token: its type, where it starts (a char index), its text and its line. */
  static final class Item {
    final int type;
    final int pos;
    final String val;
    final int line;

    Item(int type, int pos, String val, int line) {
      this.type = type;
      this.pos = pos;
      this.val = val;
      this.line = line;
    }

    /** Go's item.String(), as parse errors quote tokens. */
    @Override
    public String toString() {
      if (type == EOF) {
        return "EOF";
      }
      if (type == ERROR) {
        return val;
      }
      if (type > KEYWORD) {
        return "<" + val + ">";
      }
      if (val.codePointCount(0, val.length()) > 10) {
        return GoFmt.sprintf("%.10q...", List.of(val));
      }
      return GoFmt.quote(val);
    }
  }

  private final String input;
  private final boolean breakOk;
  private final boolean continueOk;
  private final List<Item> items = new ArrayList<>();
  private int pos;
  private int start;
  private int line = 1;
  private int startLine = 1;
  private int parenDepth;

  private final String left;
  private final String right;

  private Lexer(String input, String left, String right, boolean breakOk, boolean continueOk) {
    this.input = input;
    this.left = left;
    this.right = right;
    this.breakOk = breakOk;
    this.continueOk = continueOk;
  }

  /** All tokens of the text with these action delimiters, ending with EOF or an error item. */
  static List<Item> lex(String input, String left, String right, boolean breakIsKeyword, boolean continueIsKeyword) {
    Lexer l = new Lexer(input, left, right, breakIsKeyword, continueIsKeyword);
    l.run();
    return l.items;
  }

  private static final int STOP = 0;
  private static final int IN_TEXT = 1;
  private static final int AT_LEFT_DELIM = 2;
  private static final int IN_ACTION = 3;

  private void run() {
    int state = IN_TEXT;
    while (state != STOP) {
      switch (state) {
        case IN_TEXT:
          state = lexText();
          break;
        case AT_LEFT_DELIM:
          state = lexLeftDelim();
          break;
        default:
          state = lexInsideAction() ? IN_TEXT : STOP;
          break;
      }
    }
  }

  private void emit(int type) {
    items.add(new Item(type, start, input.substring(start, pos), startLine));
    advanceStart();
  }

  private void advanceStart() {
    for (int i = start; i < pos; i++) {
      if (input.charAt(i) == '\n') {
        line++;
      }
    }
    start = pos;
    startLine = line;
  }

  private boolean error(String message) {
    items.add(new Item(ERROR, start, message, startLine));
    return false;
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isAlphaNumeric(int c) {
    return c == '_' || Character.isLetter(c) || Character.isDigit(c);
  }

  private int peekChar() {
    return pos < input.length() ? input.codePointAt(pos) : -1;
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  private boolean hasRightTrimMarker(int at) {
    return at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
  }

  /** {delim, trimSpaces} at pos. */
  private int atRightDelim() {
    if (hasRightTrimMarker(pos) && input.startsWith(right, pos + 2)) {
      return 2;
    }
    return input.startsWith(right, pos) ? 1 : 0;
  }

  /** Scans text up to the next action. */
  private int lexText() {
    int x = input.indexOf(left, pos);
    if (x < 0) {
      pos = input.length();
      if (pos > start) {
        emit(TEXT);
      }
      emit(EOF);
      return STOP;
    }
    if (x > pos) {
      pos = x;
      int trim = 0;
      if (hasLeftTrimMarker(x + left.length())) {
        int k = pos;
        while (k > start && isSpace(input.charAt(k - 1))) {
          k--;
        }
        trim = pos - k;
      }
      pos -= trim;
      if (pos > start) {
        emit(TEXT);
      }
      pos += trim;
      advanceStart();
    }
    return AT_LEFT_DELIM;
  }

  private int lexLeftDelim() {
    pos += left.length();
    boolean trim = hasLeftTrimMarker(pos);
    int after = trim ? 2 : 0;
    if (input.startsWith("/*", pos + after)) {
      pos += after;
      advanceStart();
      return lexComment() ? IN_TEXT : STOP;
    }
    emit(LEFT_DELIM);
    pos += after;
    advanceStart();
    parenDepth = 0;
    return IN_ACTION;
  }

  private boolean lexComment() {
    pos += 2;
    int x = input.indexOf("*/", pos);
    if (x < 0) {
      return error("unclosed comment");
    }
    pos = x + 2;
    int delim = atRightDelim();
    if (delim == 0) {
      return error("comment ends before closing delimiter");
    }
    if (delim == 2) {
      pos += 2;
    }
    pos += right.length();
    if (delim == 2) {
      while (pos < input.length() && isSpace(input.charAt(pos))) {
        pos++;
      }
    }
    advanceStart();
    return true;
  }

  private boolean lexRightDelim() {
    boolean trim = atRightDelim() == 2;
    if (trim) {
      pos += 2;
      advanceStart();
    }
    pos += right.length();
    emit(RIGHT_DELIM);
    if (trim) {
      while (pos < input.length() && isSpace(input.charAt(pos))) {
        pos++;
      }
      advanceStart();
    }
    return true;
  }

  /** Scans one action to its right delimiter; returns false on error or end of input. */
  private boolean lexInsideAction() {
    while (true) {
      int delim = atRightDelim();
      if (delim != 0) {
        if (parenDepth == 0) {
          return lexRightDelim();
        }
        return error("unclosed left paren");
      }
      if (pos >= input.length()) {
        return error("unclosed action");
      }
      int r = input.codePointAt(pos);
      pos += Character.charCount(r);
      if (isSpace(r)) {
        pos--;
        if (!lexSpace()) {
          return lexRightDelim();
        }
        continue;
      }
      switch (r) {
        case '=':
          emit(ASSIGN);
          continue;
        case ':':
          if (pos >= input.length() || input.charAt(pos) != '=') {
            return error("expected :=");
          }
          pos++;
          emit(DECLARE);
          continue;
        case '|':
          emit(PIPE);
          continue;
        case '"':
          if (!lexQuote()) {
            return false;
          }
          continue;
        case '`':
          if (!lexRawQuote()) {
            return false;
          }
          continue;
        case '$':
          if (!lexVariable()) {
            return false;
          }
          continue;
        case '\'':
          if (!lexChar()) {
            return false;
          }
          continue;
        case '(':
          emit(LEFT_PAREN);
          parenDepth++;
          continue;
        case ')':
          parenDepth--;
          if (parenDepth < 0) {
            return error("unexpected right paren");
          }
          emit(RIGHT_PAREN);
          continue;
        default:
          break;
      }
      if (r == '.') {
        if (pos < input.length()) {
          char c = input.charAt(pos);
          if (c < '0' || c > '9') {
            if (!lexFieldOrVariable(FIELD)) {
              return false;
            }
            continue;
          }
        }
      }
      if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
        pos = start;
        if (!lexNumber()) {
          return false;
        }
        continue;
      }
      if (isAlphaNumeric(r)) {
        pos = start;
        if (!lexIdentifier()) {
          return false;
        }
        continue;
      }
      if (r < 0x80 && r >= 0x20 && r < 0x7f) {
        emit(CHAR);
        continue;
      }
      return error("unrecognized character in action: " + unicodeName(r));
    }
  }

  /** Go's %#U: U+0041 'A'. */
  private static String unicodeName(int r) {
    return GoFmt.sprintf("%#U", List.of((long) r));
  }

  /** A run of spaces; false when it is the space of a trim-marked right delimiter. */
  private boolean lexSpace() {
    int numSpaces = 0;
    while (pos < input.length() && isSpace(input.charAt(pos))) {
      pos++;
      numSpaces++;
    }
    if (hasRightTrimMarker(pos - 1) && input.startsWith(right, pos + 1)) {
      pos--;
      if (numSpaces == 1) {
        return false;
      }
    }
    emit(SPACE);
    return true;
  }

  private boolean lexIdentifier() {
    while (pos < input.length()) {
      int r = input.codePointAt(pos);
      if (!isAlphaNumeric(r)) {
        break;
      }
      pos += Character.charCount(r);
    }
    if (!atTerminator()) {
      return error("bad character " + unicodeName(peekChar()));
    }
    String word = input.substring(start, pos);
    int keyword = keyword(word);
    if (keyword != 0) {
      if ((keyword == BREAK && !breakOk) || (keyword == CONTINUE && !continueOk)) {
        emit(IDENTIFIER);
      } else {
        emit(keyword);
      }
    } else if (word.equals("true") || word.equals("false")) {
      emit(BOOL);
    } else {
      emit(IDENTIFIER);
    }
    return true;
  }

  private static int keyword(String word) {
    switch (word) {
      case "block": return BLOCK;
      case "break": return BREAK;
      case "continue": return CONTINUE;
      case "define": return DEFINE;
      case "else": return ELSE;
      case "end": return END;
      case "if": return IF;
      case "range": return RANGE;
      case "nil": return NIL;
      case "template": return TEMPLATE;
      case "with": return WITH;
      default: return 0;
    }
  }

  private boolean lexVariable() {
    if (atTerminator()) {
      emit(VARIABLE);
      return true;
    }
    return lexFieldOrVariable(VARIABLE);
  }

  private boolean lexFieldOrVariable(int type) {
    if (atTerminator()) {
      emit(type == VARIABLE ? VARIABLE : DOT);
      return true;
    }
    while (pos < input.length()) {
      int r = input.codePointAt(pos);
      if (!isAlphaNumeric(r)) {
        break;
      }
      pos += Character.charCount(r);
    }
    if (!atTerminator()) {
      return error("bad character " + unicodeName(peekChar()));
    }
    emit(type);
    return true;
  }

  private boolean atTerminator() {
    int r = peekChar();
    if (r == -1 || isSpace(r)) {
      return true;
    }
    switch (r) {
      case '.': case ',': case '|': case ':': case ')': case '(':
        return true;
      default:
        // the first character of the right delimiter ends a word too (Go's rule)
        return r == right.codePointAt(0);
    }
  }

  private boolean lexChar() {
    while (true) {
      int c = pos < input.length() ? input.charAt(pos++) : -1;
      if (c == '\\') {
        int n = pos < input.length() ? input.charAt(pos++) : -1;
        if (n != -1 && n != '\n') {
          continue;
        }
        return error("unterminated character constant");
      }
      if (c == -1 || c == '\n') {
        return error("unterminated character constant");
      }
      if (c == '\'') {
        break;
      }
    }
    emit(CHAR_CONSTANT);
    return true;
  }

  private boolean lexNumber() {
    if (!scanNumber()) {
      return error("bad number syntax: " + GoFmt.quote(input.substring(start, pos)));
    }
    int sign = peekChar();
    if (sign == '+' || sign == '-') {
      if (!scanNumber() || input.charAt(pos - 1) != 'i') {
        return error("bad number syntax: " + GoFmt.quote(input.substring(start, pos)));
      }
      emit(COMPLEX);
    } else {
      emit(NUMBER);
    }
    return true;
  }

  private boolean accept(String valid) {
    if (pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0) {
      pos++;
      return true;
    }
    return false;
  }

  private void acceptRun(String valid) {
    while (pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    int r = peekChar();
    if (r != -1 && isAlphaNumeric(r)) {
      pos += Character.charCount(r);
      return false;
    }
    return true;
  }

  private boolean lexQuote() {
    while (true) {
      int c = pos < input.length() ? input.charAt(pos++) : -1;
      if (c == '\\') {
        int n = pos < input.length() ? input.charAt(pos++) : -1;
        if (n != -1 && n != '\n') {
          continue;
        }
        return error("unterminated quoted string");
      }
      if (c == -1 || c == '\n') {
        return error("unterminated quoted string");
      }
      if (c == '"') {
        break;
      }
    }
    emit(STRING);
    return true;
  }

  private boolean lexRawQuote() {
    int x = input.indexOf('`', pos);
    if (x < 0) {
      return error("unterminated raw quoted string");
    }
    pos = x + 1;
    emit(RAW_STRING);
    return true;
  }
}

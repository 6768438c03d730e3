// JanusLexer.g4 - The tokens of Janus Python.
//
// This lexer only cuts the text into tokens. Everything that depends on
// context - NEWLINE/INDENT/DEDENT, ignoring newlines inside brackets,
// dropping blank lines, bracket matching, turning the *_ERROR tokens below
// into diagnostics - is done by IndentingTokenSource (frontend/lib), which
// wraps this lexer. Keeping the lexer free of actions keeps it readable and
// lets the wrapper be unit-tested on its own.
//
// The token set is CPython's: all of Python's keywords are reserved (even
// the ones Janus rejects, so that the rejection can say what the construct
// is), and literals follow the Python 3 lexical rules. Malformed input is
// matched by dedicated error tokens rather than left to ANTLR's recovery, so
// that every lexical error gets a CPython-like message at the right column.
// ANTLR picks the longest match and, on a tie, the rule defined first; the
// error rules are therefore defined after the valid ones they overlap.

lexer grammar JanusLexer;

// Synthesized by IndentingTokenSource.
tokens { INDENT, DEDENT }

//===----------------------------------------------------------------------===//
// Keywords (CPython's hard keywords).
//===----------------------------------------------------------------------===//

FALSE    : 'False';
NONE     : 'None';
TRUE     : 'True';
AND      : 'and';
AS       : 'as';
ASSERT   : 'assert';
ASYNC    : 'async';
AWAIT    : 'await';
BREAK    : 'break';
CLASS    : 'class';
CONTINUE : 'continue';
DEF      : 'def';
DEL      : 'del';
ELIF     : 'elif';
ELSE     : 'else';
EXCEPT   : 'except';
FINALLY  : 'finally';
FOR      : 'for';
FROM     : 'from';
GLOBAL   : 'global';
IF       : 'if';
IMPORT   : 'import';
IN       : 'in';
IS       : 'is';
LAMBDA   : 'lambda';
NONLOCAL : 'nonlocal';
NOT      : 'not';
OR       : 'or';
PASS     : 'pass';
RAISE    : 'raise';
RETURN   : 'return';
TRY      : 'try';
WHILE    : 'while';
WITH     : 'with';
YIELD    : 'yield';

//===----------------------------------------------------------------------===//
// Literals.
//===----------------------------------------------------------------------===//

// One token for every string form; ASTBuilder looks at the prefix (r, f, b,
// u in any case and order CPython allows) to decide how to decode it.
STRING
  : STRING_PREFIX? (LONG_SQ | LONG_DQ | SHORT_SQ | SHORT_DQ)
  ;

DECIMAL_INTEGER : [1-9] ('_'? DIGIT)* | '0'+ ('_'? '0')*;
HEX_INTEGER     : '0' [xX] ('_'? [0-9a-fA-F])+;
OCT_INTEGER     : '0' [oO] ('_'? [0-7])+;
BIN_INTEGER     : '0' [bB] ('_'? [01])+;
FLOAT_NUMBER    : POINT_FLOAT | EXPONENT_FLOAT;
IMAG_NUMBER     : (FLOAT_NUMBER | DIGIT_PART) [jJ];

NAME : ID_START ID_CONTINUE*;

//===----------------------------------------------------------------------===//
// Operators and delimiters.
//===----------------------------------------------------------------------===//

LPAREN      : '(';
RPAREN      : ')';
LBRACK      : '[';
RBRACK      : ']';
LBRACE      : '{';
RBRACE      : '}';
ELLIPSIS    : '...';
DOT         : '.';
COMMA       : ',';
COLON       : ':';
SEMI        : ';';
WALRUS      : ':=';
ARROW       : '->';
POWER       : '**';
STAR        : '*';
FLOORDIV    : '//';
SLASH       : '/';
PERCENT     : '%';
AT          : '@';
PLUS        : '+';
MINUS       : '-';
TILDE       : '~';
LSHIFT      : '<<';
RSHIFT      : '>>';
AMPER       : '&';
VBAR        : '|';
CIRCUMFLEX  : '^';
LESS        : '<';
GREATER     : '>';
EQEQUAL     : '==';
NOTEQUAL    : '!=';
LESSEQUAL   : '<=';
GREATEREQUAL: '>=';
EQUAL       : '=';
PLUSEQUAL   : '+=';
MINEQUAL    : '-=';
STAREQUAL   : '*=';
SLASHEQUAL  : '/=';
DOUBLESLASHEQUAL : '//=';
PERCENTEQUAL: '%=';
DOUBLESTAREQUAL  : '**=';
ATEQUAL     : '@=';
AMPEREQUAL  : '&=';
VBAREQUAL   : '|=';
CIRCUMFLEXEQUAL  : '^=';
LEFTSHIFTEQUAL   : '<<=';
RIGHTSHIFTEQUAL  : '>>=';
// Not an operator of Python 3.11; only used inside f-string fields, which
// are split by ASTBuilder, so the parser always reports it as a syntax error.
BANG        : '!';

//===----------------------------------------------------------------------===//
// Layout. NEWLINE is a token; IndentingTokenSource decides which ones are
// logical line ends. Whitespace, comments and backslash continuations are
// dropped here (indentation is measured by the token source from the text).
//===----------------------------------------------------------------------===//

NEWLINE           : '\r\n' | '\r' | '\n';
WS                : [ \t\f]+ -> skip;
COMMENT           : '#' ~[\r\n]* -> skip;
LINE_CONTINUATION : '\\' ('\r\n' | '\r' | '\n') -> skip;

//===----------------------------------------------------------------------===//
// Error tokens: IndentingTokenSource turns each into a diagnostic.
//===----------------------------------------------------------------------===//

// A triple-quoted string that reaches the end of the file. Its body cannot
// contain the closing quotes, so a terminated string is never swallowed.
UNTERMINATED_LONG_STRING
  : STRING_PREFIX? '\'\'\'' LONG_SQ_ITEM* ('\'' | '\'\'')? EOF
  | STRING_PREFIX? '"""' LONG_DQ_ITEM* ('"' | '""')? EOF
  ;

// A single-quoted string that reaches the end of its line.
UNTERMINATED_STRING
  : STRING_PREFIX? '\'' (~[\\\r\n'] | ESCAPE)* '\\'?
  | STRING_PREFIX? '"' (~[\\\r\n"] | ESCAPE)* '\\'?
  ;

// A number immediately followed by letters or digits that cannot belong to
// it ("1abc", "0777", "0b12", "1__0"). Valid numbers win ties because they
// are defined first.
INVALID_NUMBER
  : DIGIT ID_CONTINUE* ('.' ID_CONTINUE*)?
  | '.' DIGIT ID_CONTINUE*
  ;

// A backslash that is not at the end of a line.
STRAY_BACKSLASH : '\\';

// Anything else ($, ?, `, non-identifier Unicode characters, ...).
ERROR_CHAR : .;

//===----------------------------------------------------------------------===//
// Fragments.
//===----------------------------------------------------------------------===//

fragment STRING_PREFIX
  : [rRuUbBfF]
  | [bB] [rR]
  | [rR] [bB]
  | [fF] [rR]
  | [rR] [fF]
  ;

fragment ESCAPE   : '\\' ('\r\n' | .);
fragment SHORT_SQ : '\'' (~[\\\r\n'] | ESCAPE)* '\'';
fragment SHORT_DQ : '"' (~[\\\r\n"] | ESCAPE)* '"';
fragment LONG_SQ  : '\'\'\'' LONG_SQ_ITEM* '\'\'\'';
fragment LONG_DQ  : '"""' LONG_DQ_ITEM* '"""';

// One piece of a triple-quoted body: never three quotes in a row, so the
// first ''' (resp. """) after the opening one always ends the literal.
fragment LONG_SQ_ITEM
  : ~[\\']
  | ESCAPE
  | '\'' (~[\\'] | ESCAPE)
  | '\'\'' (~[\\'] | ESCAPE)
  ;
fragment LONG_DQ_ITEM
  : ~[\\"]
  | ESCAPE
  | '"' (~[\\"] | ESCAPE)
  | '""' (~[\\"] | ESCAPE)
  ;

fragment DIGIT          : [0-9];
fragment DIGIT_PART     : DIGIT ('_'? DIGIT)*;
fragment POINT_FLOAT    : DIGIT_PART? '.' DIGIT_PART | DIGIT_PART '.';
fragment EXPONENT_FLOAT : (DIGIT_PART | POINT_FLOAT) [eE] [+-]? DIGIT_PART;

fragment ID_START    : '_' | [\p{XID_Start}];
fragment ID_CONTINUE : [\p{XID_Continue}];
